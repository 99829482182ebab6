package dev.engram.app.server;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns failures into JSON {@link ApiError}s with a status a client can act on. Only problems with the request are
 * 4xx; anything else is a 500 that says nothing but the request id, which the log line with the details also has.
 * No body ever carries a stack trace, an exception class name or a query the server built.
 */
@RestControllerAdvice
public class ApiExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> refused(ApiException e) {
        return error(e.status(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyLimitFilter.TooLarge tooLarge) {
                return error(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
            }
        }
        return error(HttpStatus.BAD_REQUEST, "malformed request body: " + JsonProblem.describe(e.getMostSpecificCause()));
    }

    @ExceptionHandler(BodyLimitFilter.TooLarge.class)
    ResponseEntity<ApiError> bodyTooLarge(BodyLimitFilter.TooLarge e) {
        return error(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
    }

    @ExceptionHandler({IllegalArgumentException.class, MissingServletRequestParameterException.class,
            MissingServletRequestPartException.class})
    ResponseEntity<ApiError> badRequest(Exception e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        // Spring's own message names Java types; the parameter name is what the caller can fix
        return error(HttpStatus.BAD_REQUEST, "parameter '" + e.getName() + "' has an invalid value");
    }

    // Spring's own refusals (415 media type, 405 method, 413 upload size, 404 no such resource) carry their status,
    // and their messages name only what the request got wrong
    @ExceptionHandler({HttpMediaTypeNotSupportedException.class, HttpRequestMethodNotSupportedException.class,
            MaxUploadSizeExceededException.class, NoResourceFoundException.class})
    ResponseEntity<ApiError> refusedBySpring(Exception e) {
        return error(HttpStatus.valueOf(((ErrorResponse) e).getStatusCode().value()), e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
        String id = RequestIdFilter.of(request);
        LOG.error("request {} failed: {} {}", id, request.getMethod(), request.getRequestURI(), e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal error; the server log has the details under request id " + id);
    }

    static ResponseEntity<ApiError> error(HttpStatus status, String message) {
        // a preset content type skips negotiation, so a client accepting only text/event-stream still gets the error
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError(status.value(), status.getReasonPhrase(), message));
    }
}
