package com.stategraph.billing.api;

import com.stategraph.billing.export.CsvTable;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code Accept: text/csv} answers any view as one CSV table (see {@link CsvTable}): the same
 * fields as its JSON, a row per result. Errors too, as one row of {@code id} and {@code data}.
 */
@Configuration
public class CsvResponses implements WebMvcConfigurer {
    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ObjectMapper json;

    public CsvResponses(ObjectMapper json) {
        this.json = json;
    }

    /** Last: a client that accepts anything gets JSON; only one that asks for CSV gets it. */
    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(converters -> converters.add(new CsvConverter(json)));
    }

    static final class CsvConverter extends org.springframework.http.converter.AbstractSmartHttpMessageConverter<Object> {
        private final ObjectMapper json;

        CsvConverter(ObjectMapper json) {
            super(TEXT_CSV);
            this.json = json;
        }

        @Override
        protected boolean supports(Class<?> clazz) {
            return !CharSequence.class.isAssignableFrom(clazz) && !byte[].class.equals(clazz);
        }

        @Override
        protected boolean canRead(MediaType mediaType) {
            return false;
        }

        @Override
        protected Object readInternal(Class<?> clazz, HttpInputMessage input) {
            throw new HttpMessageNotReadableException("CSV is answered, not read", input);
        }

        @Override
        protected void writeInternal(Object answer, org.springframework.core.ResolvableType type, HttpOutputMessage output,
                                     java.util.Map<String, Object> hints) throws java.io.IOException {
            Writer out = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
            // An answer with no rows still names its columns, read from the declared type of its results.
            CsvTable.write(json.valueToTree(answer), com.stategraph.billing.export.CsvColumns.ofResults(type), out);
            out.flush();
        }

        @Override
        public boolean canRead(org.springframework.core.ResolvableType type, MediaType mediaType) {
            return false;
        }

        @Override
        public Object read(org.springframework.core.ResolvableType type, HttpInputMessage input, java.util.Map<String, Object> hints) {
            throw new HttpMessageNotReadableException("CSV is answered, not read", input);
        }

        @Override
        public boolean canWrite(org.springframework.core.ResolvableType type, Class<?> valueClass, MediaType mediaType) {
            return supports(valueClass) && canWrite(mediaType);
        }
    }
}
