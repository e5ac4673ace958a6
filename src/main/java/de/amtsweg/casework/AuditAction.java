package de.amtsweg.casework;

/** What the audit log records: views of personal data, changes to a case, and deletions. */
public enum AuditAction {
  CASE_VIEWED,
  ATTACHMENT_DOWNLOADED,
  RECEIPT_DOWNLOADED,
  REPLY_ATTACHMENT_DOWNLOADED,
  BESCHEID_PREVIEWED,
  BESCHEID_DOWNLOADED,
  EXPORTED_PDF,
  EXPORTED_JSON,
  EXPORTED_XML,
  ASSIGNED,
  STATUS_CHANGED,
  NOTE_ADDED,
  QUESTION_SENT,
  BESCHEID_SENT,
  DELETED
}
