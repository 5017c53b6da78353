/** A half-open range of subject indices [start, end): the payload of one queue job. */
export interface SubjectRange {
  start: number;
  end: number;
}

/** Split 0 … subjects − 1 into consecutive ranges of at most `chunkSize` subjects. */
export function subjectRanges(subjects: number, chunkSize: number): SubjectRange[] {
  const ranges: SubjectRange[] = [];
  for (let start = 0; start < subjects; start += chunkSize) {
    ranges.push({ start, end: Math.min(subjects, start + chunkSize) });
  }
  return ranges;
}
