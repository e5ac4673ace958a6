package de.amtsweg.applications.web;

import de.amtsweg.applications.Attachments;
import de.amtsweg.applications.VirusScanner;
import de.amtsweg.forms.AnswerProblem;
import de.amtsweg.forms.AppDefinition.Field;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Which uploads a file question takes, before anything is stored: at most its number of files, each
 * within its size, of a type it accepts as detected from the bytes ({@link Attachments#detect}),
 * never as the name or the browser claim. What passes is stored on the draft, where {@link
 * Attachments} refuses empty and infected files and the module's overall size limit.
 */
@Component
class UploadPolicy {

  private final Attachments attachments;
  private final long answersLimit;

  UploadPolicy(
      Attachments attachments,
      @org.springframework.beans.factory.annotation.Value("${amtsweg.limits.request-body:1MB}")
          org.springframework.util.unit.DataSize answersLimit) {
    this.attachments = attachments;
    this.answersLimit = answersLimit.toBytes();
  }

  /**
   * The answers of an API submission without the files they carry (as base64) may be at most {@code
   * amtsweg.limits.request-body}: the body limit of the API counts the files an app allows, this
   * counts what is left.
   *
   * @throws AnswersTooLargeException when they are larger
   */
  void checkAnswersSize(Map<String, Object> answers) {
    if (sizeWithoutFiles(answers, 0) > answersLimit) {
      throw new AnswersTooLargeException(answersLimit);
    }
  }

  private static long sizeWithoutFiles(Object value, int depth) {
    if (depth > 20) {
      return 0;
    }
    if (value instanceof String text) {
      return text.length();
    }
    if (value instanceof Map<?, ?> map) {
      boolean file = map.containsKey("content") && map.containsKey("name");
      long size = 0;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        size += String.valueOf(entry.getKey()).length();
        if (entry.getValue() != null && !(file && "content".equals(entry.getKey()))) {
          size += sizeWithoutFiles(entry.getValue(), depth + 1);
        }
      }
      return size;
    }
    if (value instanceof List<?> list) {
      long size = 0;
      for (Object item : list) {
        size += item == null ? 0 : sizeWithoutFiles(item, depth + 1);
      }
      return size;
    }
    return 8;
  }

  /** The answers are larger than the API takes. */
  static class AnswersTooLargeException extends de.amtsweg.platform.ProblemException {
    AnswersTooLargeException(long limit) {
      super(
          org.springframework.http.HttpStatus.CONTENT_TOO_LARGE,
          "payload-too-large",
          limit % (1024 * 1024) == 0 ? limit / (1024 * 1024) + " MB" : limit / 1024 + " KB");
    }
  }

  /**
   * A file uploaded with a step page: stored and added to the question's files, or the reason it
   * was refused added to the problems. The rest of the page is saved either way, so a refusal (even
   * an unreachable virus scanner) only asks for this file again.
   */
  void accept(
      UUID draftId,
      Field field,
      String path,
      MultipartFile upload,
      List<Object> files,
      List<AnswerProblem> problems) {
    String name = Optional.ofNullable(upload.getOriginalFilename()).orElse("datei");
    if (files.size() >= field.maxFilesOrDefault()) {
      problems.add(
          new AnswerProblem(
              path, "file-count", List.of(field.label(), field.maxFilesOrDefault()), null));
      return;
    }
    AnswerProblem tooLarge = tooLarge(field, path, name, upload.getSize());
    if (tooLarge != null) {
      problems.add(tooLarge);
      return;
    }
    try {
      byte[] bytes = upload.getBytes();
      AnswerProblem wrongType = wrongType(field, path, name, bytes);
      if (wrongType != null) {
        problems.add(wrongType);
        return;
      }
      files.add(attachments.store(draftId, path, name, bytes).metadata());
    } catch (Attachments.UploadRefusedException e) {
      problems.add(
          new AnswerProblem(
              path,
              "upload-" + e.type().replace("upload-", ""),
              List.of(e.detailArguments()),
              null));
    } catch (VirusScanner.ScannerUnavailableException e) {
      problems.add(new AnswerProblem(path, "upload-scanner-unavailable", List.of(name), null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The files of a question as the API sends them ({@code [{"name", "content" (base64)}]}): each
   * stored and replaced by its metadata. An entry that is no such file, too large or of a type the
   * question does not take is reported and left out; a refusal by {@link Attachments} (empty,
   * infected, scanner unreachable) ends the request.
   *
   * @return the stored files' metadata; the value itself when it is no list
   */
  @Nullable Object acceptEncoded(
      UUID draftId,
      Field field,
      String path,
      @Nullable Object value,
      List<AnswerProblem> problems) {
    if (!(value instanceof List<?> list)) {
      return value;
    }
    List<Object> stored = new ArrayList<>();
    for (Object entry : list) {
      if (!(entry instanceof Map<?, ?> file) || !(file.get("content") instanceof String content)) {
        problems.add(new AnswerProblem(path, "type-file", List.of(field.label()), null));
        continue;
      }
      String name = file.get("name") instanceof String n ? n : "datei";
      byte[] bytes;
      try {
        bytes = Base64.getMimeDecoder().decode(content);
      } catch (IllegalArgumentException e) {
        problems.add(new AnswerProblem(path, "type-file", List.of(field.label()), null));
        continue;
      }
      AnswerProblem refused = tooLarge(field, path, name, bytes.length);
      if (refused == null) {
        refused = wrongType(field, path, name, bytes);
      }
      if (refused != null) {
        problems.add(refused);
        continue;
      }
      stored.add(attachments.store(draftId, path, name, bytes).metadata());
    }
    return stored;
  }

  private static @Nullable AnswerProblem tooLarge(
      Field field, String path, String name, long size) {
    if (size <= field.maxSizeKbOrDefault() * 1024L) {
      return null;
    }
    return new AnswerProblem(
        path, "file-size", List.of(name, field.maxSizeKbOrDefault() / 1024 + " MB"), null);
  }

  private static @Nullable AnswerProblem wrongType(
      Field field, String path, String name, byte[] bytes) {
    if (field.accept().contains(Attachments.detect(bytes))) {
      return null;
    }
    return new AnswerProblem(
        path, "file-type", List.of(name, field.label(), field.acceptedFormats()), null);
  }
}
