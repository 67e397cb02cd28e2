package io.github.wazodeb.deb;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;

/**
 * Says what went wrong with a file in words: Java's file exceptions carry only the path as their message,
 * and their class names mean nothing to a user.
 */
public final class IoMessages {

    private IoMessages() {
    }

    /** {@code "<file>: <what went wrong>"} for a file problem, else the exception's own message. */
    public static String describe(Exception e) {
        Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
        if (cause instanceof FileSystemException fileProblem) {
            String reason = fileProblem.getReason();
            if (reason == null) {
                reason = reasonOf(fileProblem);
            }
            String files = fileProblem.getOtherFile() == null ? fileProblem.getFile()
                    : fileProblem.getFile() + " -> " + fileProblem.getOtherFile();
            return files + ": " + reason;
        }
        return cause.getMessage() == null ? "an input/output error" : cause.getMessage();
    }

    private static String reasonOf(FileSystemException problem) {
        if (problem instanceof NoSuchFileException) {
            return "no such file or directory";
        } else if (problem instanceof AccessDeniedException) {
            return "permission denied";
        } else if (problem instanceof FileAlreadyExistsException) {
            return "already exists";
        } else if (problem instanceof NotDirectoryException) {
            return "not a directory";
        } else if (problem instanceof DirectoryNotEmptyException) {
            return "directory not empty";
        } else if (problem instanceof FileSystemLoopException) {
            return "symbolic links form a loop";
        } else if (problem instanceof NotLinkException) {
            return "not a symbolic link";
        }
        return "input/output error";
    }
}
