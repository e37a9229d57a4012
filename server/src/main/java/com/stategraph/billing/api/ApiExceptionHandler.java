package com.stategraph.billing.api;

import com.stategraph.billing.costs.ExpensiveQuestions;
import com.stategraph.billing.domain.ConflictException;
import com.stategraph.billing.domain.ForbiddenException;
import com.stategraph.billing.domain.InvalidInputException;
import com.stategraph.billing.domain.NotFoundException;
import com.stategraph.billing.domain.TooLargeException;
import com.stategraph.billing.domain.UnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps every failure to the API's error bodies; internal details stay in the server log. */
@RestControllerAdvice(basePackages = "com.stategraph.billing.api")
public class ApiExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ErrorBody> api(ApiException e) {
        return ResponseEntity.status(e.status()).body(new ErrorBody(e.code(), e.getMessage()));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ErrorBody> invalid(InvalidInputException e) {
        return ResponseEntity.badRequest().body(new ErrorBody(e.code(), e.getMessage()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ErrorBody> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ErrorBody(e.code(), e.getMessage()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ErrorBody> conflict(ConflictException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ErrorBody(e.code(), e.getMessage()));
    }

    @ExceptionHandler(UnavailableException.class)
    ResponseEntity<ErrorBody> unavailable(UnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new ErrorBody(e.code(), e.getMessage()));
    }

    @ExceptionHandler(TooLargeException.class)
    ResponseEntity<ErrorBody> tooLarge(TooLargeException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(new ErrorBody(e.code(), e.getMessage()));
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ForbiddenBody> forbidden(ForbiddenException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(new ForbiddenBody("FORBIDDEN", e.getMessage(), List.of(new ForbiddenBody.Reason(e.kind(), e.getMessage()))));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(new ErrorBody("INVALID_REQUEST", RequestBodyErrors.describe(e)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorBody> typeMismatch(MethodArgumentTypeMismatchException e) {
        if (e.getRequiredType() == java.util.UUID.class) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(new ErrorBody("NOT_FOUND", "'" + e.getValue() + "' is not a valid " + e.getName()));
        }
        return ResponseEntity.badRequest()
                .body(new ErrorBody("INVALID_PARAMETER", "'" + e.getValue() + "' is not a valid " + e.getName()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorBody> missingParameter(MissingServletRequestParameterException e) {
        return ResponseEntity.badRequest()
                .body(new ErrorBody("MISSING_PARAMETER", "parameter '" + e.getParameterName() + "' is required"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorBody> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .body(new ErrorBody("METHOD_NOT_ALLOWED", e.getMethod() + " is not allowed here"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorBody> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(new ErrorBody("UNSUPPORTED_MEDIA_TYPE", "send the body as application/json"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ErrorBody> noResource(NoResourceFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ErrorBody("NOT_FOUND", "no such endpoint"));
    }

    @ExceptionHandler(ExpensiveQuestions.TooBusyException.class)
    ResponseEntity<ErrorBody> busy(ExpensiveQuestions.TooBusyException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "5")
                .body(new ErrorBody("BUSY", e.getMessage()));
    }

    /**
     * PostgreSQL cancelled a question that ran past STATEGRAPH_API_QUERY_TIMEOUT (SQLSTATE 57014),
     * or every API connection stayed busy for STATEGRAPH_DATABASE_WAIT: both are "later", not a fault.
     */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ErrorBody> database(DataAccessException e) {
        if (e instanceof CannotGetJdbcConnectionException) {
            log.warn("no API database connection free: {}", e.getMostSpecificCause().getMessage());
            return busy();
        }
        return unexpected(e);
    }

    private static ResponseEntity<ErrorBody> busy() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .body(new ErrorBody("BUSY", "the server is busy; try again in a few seconds"));
    }

    private static ResponseEntity<ErrorBody> queryTimeout() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30")
                .body(new ErrorBody("QUERY_TIMEOUT", "the request took longer than this server allows"
                        + " (STATEGRAPH_API_QUERY_TIMEOUT for cost questions, STATEGRAPH_API_STATEMENT_TIMEOUT for the rest);"
                        + " ask for a shorter range or a coarser grouping, or try again later"));
    }

    /**
     * A database that is slow or busy, whatever the question waited for (a row, a lock, a connection) and however the
     * exception reached here (wrapped by a transaction, a cache, a stream): 503 and when to try again, never 500.
     * Cancelled by a timeout (57014), a lock not had in time (55P03), a serialization failure or deadlock (40001,
     * 40P01), too many connections or one lost (53300, 57P01-57P03, class 08), no pool connection free in time.
     */
    static ResponseEntity<ErrorBody> slowOrBusy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof CannotGetJdbcConnectionException) {
                return busy();
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("57014") || state.equals("55P03")) {
                    return queryTimeout();
                }
                if (state.equals("40001") || state.equals("40P01") || state.equals("53300") || state.startsWith("57P")
                        || state.startsWith("08")) {
                    return busy();
                }
            }
        }
        return null;
    }

    /** A transaction that could not begin because every API connection stayed busy: the same "later". */
    @ExceptionHandler(CannotCreateTransactionException.class)
    ResponseEntity<ErrorBody> noTransaction(CannotCreateTransactionException e) {
        if (e.getMostSpecificCause() instanceof SQLTransientConnectionException cause) {
            return database(new CannotGetJdbcConnectionException(e.getMessage(), cause));
        }
        return unexpected(e);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception e) {
        ResponseEntity<ErrorBody> later = slowOrBusy(e);
        if (later != null) {
            return later;
        }
        log.error("unexpected error", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(new ErrorBody("INTERNAL", "internal error; see the server log"));
    }
}
