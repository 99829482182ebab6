package dev.engram.app.server;

import org.springframework.http.HttpStatus;

/** A request the server refuses, with the status and the message the caller gets back. */
public class ApiException extends RuntimeException {
    private final HttpStatus status;

    /** A refusal with this status and message. */
    public ApiException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    /** 400: the request itself is wrong. */
    public static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, message);
    }

    /** 403: the caller may not do this. */
    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, message);
    }

    /** 409: the request conflicts with what the graph holds. */
    public static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, message);
    }

    /** 404: nothing the caller may see has this id. */
    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, message);
    }

    /** The HTTP status to answer with. */
    public HttpStatus status() {
        return status;
    }
}
