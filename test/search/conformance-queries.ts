/**
 * The search conformance queries: every spelling, script and place a reader may type for the
 * demo archive's work, each with titles it must find. The server's search is held to them
 * (conformance.test.ts), and the static export's client search must find what the server finds
 * for each (test/static-export/search-parity.test.ts).
 */
export const FLOODING = 'North Korea: Flooding at Kyo-hwa-so No. 12, Jongo-ri';
export const FLOODING_KO = '북한: 전거리 제12호 교화소 홍수 피해';
/** The public part of the Camp No. 25 series (the earlier parts are drafts). */
export const CAMP_25 = ['North Korea Camp No. 25 Update 2'];

export interface ConformanceQuery {
  q: string;
  /** Titles the results must include. */
  finds: readonly string[];
}

export const CONFORMANCE_QUERIES: readonly ConformanceQuery[] = [
  // Every spelling of the village Kyo-hwa-so No. 12 stands in.
  ...['Jongo-ri', "Chŏn'gŏ-ri", "Chon'go-ri", 'Chongori', 'Jeongeo-ri', '전거리'].map((q) => ({
    q,
    finds: [FLOODING, FLOODING_KO],
  })),
  { q: 'Kyo-hwa-so No. 12', finds: [FLOODING, FLOODING_KO] },
  { q: '제12호 교화소', finds: [FLOODING, FLOODING_KO] },
  // A place finds the work filed at places inside it, in both scripts.
  ...['Hamgyong', 'Hamgyŏng-bukto', '함경북도'].map((q) => ({ q, finds: [FLOODING, FLOODING_KO] })),
  ...['Chongjin', '청진', "Ch'ŏngjin"].map((q) => ({ q, finds: CAMP_25 })),
  // A Hangul word inside a longer one, and a topic's Korean name.
  { q: '인권', finds: [FLOODING_KO] },
  { q: '위성사진', finds: [] },
  // Plain words, folded and stemmed.
  { q: 'Choson', finds: ["The Parallel Gulag: North Korea's…"] },
  { q: 'sanctions', finds: ['North Korea: Why Human Rights Must Come First'] },
  { q: 'Botswana', finds: ['A Human Rights Dialogue with North Korea: Real or Illusory?'] },
];
