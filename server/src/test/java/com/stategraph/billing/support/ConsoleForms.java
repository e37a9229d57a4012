package com.stategraph.billing.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's sign-in form over plain HTTP, as a browser posts it: the session cookie and CSRF
 * token from the sign-in page, then the form. Redirects are not followed, so their target can be
 * asserted. Extra headers (X-Forwarded-For, X-Forwarded-Proto) stand for a proxy in front.
 */
public final class ConsoleForms {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private ConsoleForms() {
    }

    /** What a sign-in came to: where it redirects, and the session cookie it set ({@code SESSION=...}), if any. */
    public record SignIn(int status, String location, String sessionCookie, HttpResponse<String> response) {
    }

    public static SignIn signIn(String base, String email, String password, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder page = HttpRequest.newBuilder(URI.create(base + "/login"));
        headers.forEach(page::header);
        HttpResponse<String> login = HTTP.send(page.build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(login.body());
        if (!token.find()) {
            throw new AssertionError("no CSRF token on the sign-in page: " + login.body());
        }
        // The sign-in page keeps its CSRF token in a cookie (no session for anonymous visitors).
        String cookie = String.join("; ", cookies(login));
        String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form));
        headers.forEach(post::header);
        HttpResponse<String> answer = HTTP.send(post.build(), HttpResponse.BodyHandlers.ofString());
        String after = session(answer);
        return new SignIn(answer.statusCode(), answer.headers().firstValue("Location").orElse(null), after == null ? cookie : after,
                answer);
    }

    /** GET with the session cookie. */
    public static HttpResponse<String> get(String url, String sessionCookie) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", sessionCookie).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Opens a page as a browser would, then posts a form to {@code action} with the page's CSRF token
     * and cookies (plus {@code cookie}, a session, when given). Redirects are not followed.
     */
    public static HttpResponse<String> submit(String page, String action, Map<String, String> fields, String cookie)
            throws IOException, InterruptedException {
        HttpRequest.Builder open = HttpRequest.newBuilder(URI.create(page));
        if (cookie != null) {
            open.header("Cookie", cookie);
        }
        HttpResponse<String> opened = HTTP.send(open.build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(opened.body());
        if (!token.find()) {
            throw new AssertionError("no CSRF token on " + page + ": " + opened.body());
        }
        java.util.List<String> cookies = new java.util.ArrayList<>(cookies(opened));
        if (cookie != null) {
            cookies.add(cookie);
        }
        StringBuilder form = new StringBuilder("_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8));
        fields.forEach((k, v) -> form.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()));
        if (!cookies.isEmpty()) {
            post.header("Cookie", String.join("; ", cookies));
        }
        return HTTP.send(post.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every {@code name=value} pair a response set. */
    public static java.util.List<String> cookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).toList();
    }

    /** The {@code SESSION=...} pair a response set, or null. */
    public static String session(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst().orElse(null);
    }
}
