package de.amtsweg.applications.web;

import de.amtsweg.applications.Attachments;
import de.amtsweg.applications.Drafts;
import de.amtsweg.forms.AnswerProblem;
import de.amtsweg.forms.AppDefinition.Field;
import de.amtsweg.forms.AppDefinition.Step;
import de.amtsweg.forms.FieldType;
import de.amtsweg.forms.FormEngine;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Turns a submitted step page into answers: one request parameter per question ({@code name},
 * {@code anschrift.city}, {@code kinder[0].name}, {@code kinder.count}), uploads through the {@link
 * UploadPolicy}, and the page's buttons that add or remove a group item or a file. Only questions
 * the applicant could see are read; the rest of the answers stay as they were.
 */
@Component
class AnswerFormReader {

  /** Items of a group when the app sets no maximum. */
  private static final int DEFAULT_MAX_ITEMS = 20;

  /** A file question inside a group item: {@code group[index].field}. */
  private static final Pattern ITEM_PATH = Pattern.compile("^(\\w+)\\[(\\d+)]\\.(\\w+)$");

  private final UploadPolicy uploads;
  private final Attachments attachments;

  AnswerFormReader(UploadPolicy uploads, Attachments attachments) {
    this.uploads = uploads;
    this.attachments = attachments;
  }

  /**
   * The draft's answers with this step's as the page sent them.
   *
   * @param uploadProblems the uploads that were refused (the other answers are read all the same)
   */
  record StepAnswers(Map<String, Object> answers, List<AnswerProblem> uploadProblems) {}

  /**
   * Reads the questions of the step that were visible when the page was filled in.
   *
   * @param before the form engine on the answers before this page
   */
  StepAnswers read(
      DraftContext context,
      FormEngine before,
      Step step,
      MultiValueMap<String, String> params,
      HttpServletRequest request) {
    List<AnswerProblem> uploadProblems = new ArrayList<>();
    Map<String, Object> answers = new LinkedHashMap<>(context.draft().answers());
    for (Field field : step.fields()) {
      if (before.visible(field)) {
        answers.put(
            field.id(),
            read(
                context,
                before,
                field,
                field.id(),
                params,
                request,
                answers.get(field.id()),
                uploadProblems));
      }
    }
    return new StepAnswers(answers, uploadProblems);
  }

  /** Reads one question's answer from the submitted page. */
  private @Nullable Object read(
      DraftContext context,
      FormEngine before,
      Field field,
      String path,
      MultiValueMap<String, String> params,
      HttpServletRequest request,
      @Nullable Object previous,
      List<AnswerProblem> uploadProblems) {
    return switch (field.type()) {
      case MULTICHOICE -> new ArrayList<>(Optional.ofNullable(params.get(path)).orElse(List.of()));
      case ADDRESS -> {
        Map<String, Object> address = new LinkedHashMap<>();
        for (String part : FormEngine.ADDRESS_PARTS) {
          address.put(part, Optional.ofNullable(params.getFirst(path + "." + part)).orElse(""));
        }
        yield address;
      }
      case FILE -> {
        List<Object> files =
            previous instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>();
        for (MultipartFile upload : uploads(request, path)) {
          uploads.accept(context.draft().id(), field, path, upload, files, uploadProblems);
        }
        yield files;
      }
      case GROUP -> {
        List<?> old = previous instanceof List<?> list ? list : List.of();
        int count = count(params.getFirst(path + ".count"), old.size(), field);
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          Map<String, Object> item = new LinkedHashMap<>();
          if (i < old.size() && old.get(i) instanceof Map<?, ?> m) {
            m.forEach((k, v) -> item.put(String.valueOf(k), v));
          }
          for (Field child : field.fields()) {
            if (before.visible(field, i, child)) {
              item.put(
                  child.id(),
                  read(
                      context,
                      before,
                      child,
                      path + "[" + i + "]." + child.id(),
                      params,
                      request,
                      item.get(child.id()),
                      uploadProblems));
            }
          }
          items.add(item);
        }
        yield items;
      }
      default -> Optional.ofNullable(params.getFirst(path)).orElse("");
    };
  }

  private static int count(@Nullable String raw, int old, Field group) {
    int max = maxItems(group);
    try {
      return Math.clamp(raw == null ? old : Integer.parseInt(raw), 0, max);
    } catch (NumberFormatException e) {
      return Math.min(old, max);
    }
  }

  private static int maxItems(Field group) {
    return group.maxItems() != null ? group.maxItems() : DEFAULT_MAX_ITEMS;
  }

  private static List<MultipartFile> uploads(HttpServletRequest request, String path) {
    if (request instanceof MultipartHttpServletRequest multipart) {
      return multipart.getFiles(path).stream().filter(f -> !f.isEmpty()).toList();
    }
    return List.of();
  }

  /** Whether the page's button changes the page itself rather than moving on. */
  static boolean edits(String action) {
    return action.startsWith("add:")
        || action.startsWith("remove:")
        || action.startsWith("remove-file:");
  }

  /**
   * Applies a button of the page ({@code add:group}, {@code remove:group:index}, {@code
   * remove-file:path:fileId}) to the answers.
   *
   * @return the id of the input to return to
   */
  @SuppressWarnings("unchecked")
  String applyAction(DraftContext context, String action, Map<String, Object> answers) {
    String[] parts = action.split(":");
    if (parts[0].equals("add")) {
      Field group =
          context
              .app()
              .field(parts[1])
              .filter(f -> f.type() == FieldType.GROUP)
              .orElseThrow(Drafts.DraftNotFoundException::new);
      List<Object> items =
          new ArrayList<>((List<Object>) answers.getOrDefault(group.id(), List.of()));
      if (items.size() < maxItems(group)) {
        items.add(new LinkedHashMap<String, Object>());
      }
      answers.put(group.id(), items);
      return AnswerProblem.inputId(group.id() + "[" + (items.size() - 1) + "]");
    }
    if (parts[0].equals("remove") && parts.length == 3) {
      List<Object> items =
          new ArrayList<>((List<Object>) answers.getOrDefault(parts[1], List.of()));
      int index = Integer.parseInt(parts[2]);
      if (index >= 0 && index < items.size()) {
        items.remove(index);
      }
      answers.put(parts[1], items);
      return AnswerProblem.inputId(parts[1]);
    }
    if (parts[0].equals("remove-file") && parts.length == 3) {
      UUID fileId = UUID.fromString(parts[2]);
      removeFile(answers, parts[1], fileId);
      attachments.remove(context.draft().id(), fileId);
      return AnswerProblem.inputId(parts[1]);
    }
    return "";
  }

  /** Takes the file out of a top-level file question or one in a group item. */
  @SuppressWarnings("unchecked")
  private static void removeFile(Map<String, Object> answers, String path, UUID fileId) {
    Matcher item = ITEM_PATH.matcher(path);
    if (item.matches()) {
      List<Object> items = (List<Object>) answers.getOrDefault(item.group(1), List.of());
      int index = Integer.parseInt(item.group(2));
      if (index >= items.size()) {
        return;
      }
      Map<String, Object> values = (Map<String, Object>) items.get(index);
      values.put(item.group(3), without(values.get(item.group(3)), fileId));
    } else {
      answers.put(path, without(answers.get(path), fileId));
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Object> without(@Nullable Object files, UUID fileId) {
    List<Object> remaining =
        new ArrayList<>(files instanceof List<?> list ? (List<Object>) list : List.of());
    remaining.removeIf(
        f -> f instanceof Map<?, ?> meta && fileId.toString().equals(meta.get("id")));
    return remaining;
  }
}
