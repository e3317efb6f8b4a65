// Placeholder: built by the studies pages work (issue 19).
export function StudyPage() {
  return null;
}
