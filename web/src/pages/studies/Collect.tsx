// Placeholder: built by the study collection work (issue 19).
export function StudyCollect() {
  return null;
}
