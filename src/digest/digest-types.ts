/** The period a digest covers: [from, to). */
export interface DigestPeriod {
  from: Date;
  to: Date;
  /** Chart and spike granularity. */
  bucket: 'hour' | 'day';
  /** IANA time zone the buckets and dates are shown in. */
  timeZone: string;
}

/** Median and 90th percentile of a duration, in minutes, over `n` cases. */
export interface DurationStat {
  n: number;
  median?: number;
  p90?: number;
}

/** Everything a manager's digest says: pure data, rendered as Markdown, Slack blocks and a chart. */
export interface Digest {
  period: DigestPeriod;
  volume: {
    total: number;
    complaints: number;
    complaintShare: number;
    previousShare?: number;
    /** Distinct people (not handles: linked identities count once) who wrote, and who complained. */
    people?: number;
    complainingPeople?: number;
  };
  byChannel: Array<{ channel: string; total: number; complaints: number }>;
  byTopic: Array<{ topic: string; total: number; complaints: number }>;
  buckets: Array<{ start: string; total: number; complaints: number }>;
  spikes: Array<{ start: string; total: number }>;
  times: { acknowledge: DurationStat; claim: DurationStat; firstHumanReply: DurationStat; resolve: DurationStat };
  perOwner: Array<{
    owner: string;
    cases: number;
    claim: DurationStat;
    firstHumanReply: DurationStat;
    resolve: DurationStat;
  }>;
  sla: { breaches: number; cases: Array<{ id: number; escalations: number }> };
  open: {
    total: number;
    unclaimed: number;
    oldest: Array<{ id: number; openedAt: Date; status: string; owner: string | null }>;
  };
  ratings: { count: number; average?: number; distribution: Record<string, number> };
  /**
   * Staff advocates' replies from their own accounts: how many joined cases, from how many people, the time
   * from the case opening to the reply, and how many the advocate check flagged.
   */
  advocates?: { replies: number; people: number; flagged: number; reply: DurationStat };
  spend: { totalUsd: number; byChannel: Array<{ channel: string; action: string; usd: number; calls: number }> };
}
