import { parseLabelFile } from '../../src/training/parse-label-file';

describe('parseLabelFile', () => {
  it('reads CSV with quoted line breaks and the usual ways of saying yes and no', () => {
    const csv =
      'Text,Complaint\n"my parcel\nnever came, again",yes\n"how do I reset my router?",no\nwhere is my refund,1\nlove the new app,complaint\nok thanks,not\n';
    const { labels, errors, duplicates } = parseLabelFile(csv);
    expect(errors).toEqual([]);
    expect(duplicates).toBe(0);
    expect(labels.map((l) => [l.text, l.complaint])).toEqual([
      ['my parcel\nnever came, again', true],
      ['how do I reset my router?', false],
      ['where is my refund', true],
      ['love the new app', true],
      ['ok thanks', false],
    ]);
  });

  it('names each bad line and keeps the good ones', () => {
    const { labels, errors } = parseLabelFile('text,complaint\nfine,maybe\n,1\nmy bill doubled,true\n');
    expect(labels.map((l) => l.text)).toEqual(['my bill doubled']);
    expect(errors).toEqual([
      'line 2: "complaint" is "maybe"; use true/false, yes/no, 1/0 or complaint/not',
      'line 3: no "text"',
    ]);
  });

  it('refuses a CSV without the two columns, saying what it found', () => {
    expect(parseLabelFile('message,label\nhello,1\n')).toEqual({
      labels: [],
      duplicates: 0,
      errors: ['line 1: the header needs "text" and "complaint" columns (found: message, label)'],
    });
  });

  it('reads JSON lines, naming lines that are not JSON objects or lack a verdict', () => {
    const jsonl =
      '{"text":"app crashes on login","complaint":true}\n\n{broken\n[1,2]\n{"text":"store hours?"}\n{"text":"store hours?","complaint":false}\n';
    const { labels, errors } = parseLabelFile(jsonl);
    expect(labels).toEqual([
      { text: 'app crashes on login', complaint: true, line: 1 },
      { text: 'store hours?', complaint: false, line: 6 },
    ]);
    expect(errors[0]).toMatch(/^line 3: not JSON/);
    expect(errors.slice(1)).toEqual([
      'line 4: not a JSON object',
      'line 5: "complaint" is null; use true/false, yes/no, 1/0 or complaint/not',
    ]);
  });

  it('keeps one label per text, the last one', () => {
    const { labels, duplicates } = parseLabelFile(
      '{"text":" late again ","complaint":false}\n{"text":"other","complaint":false}\n{"text":"late again","complaint":true}\n',
      'jsonl',
    );
    expect(duplicates).toBe(1);
    expect(labels).toEqual([
      { text: 'other', complaint: false, line: 2 },
      { text: 'late again', complaint: true, line: 3 },
    ]);
  });

  it('refuses texts longer than the scorer reads', () => {
    expect(parseLabelFile(`{"text":"${'a'.repeat(4001)}","complaint":true}`).errors).toEqual([
      'line 1: "text" is 4001 characters, more than 4000',
    ]);
  });
});
