package dev.engram.app.server;

/** The JSON body of every error answer. */
public record ApiError(int status, String error, String message) {}
