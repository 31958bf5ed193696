/** The contract's citation catalogue ("Sources"), verbatim. */
export const CITATION_IDS = [
  'NICE-NG226',
  'NICE-QS87',
  'NICE-NG157',
  'AAOS-2023',
  'AAOS-PJI-2019',
  'ACR-1991',
  'ACR-AAHKS-2023',
  'ACR-AC-HIP',
  'NOV-2018',
  'ZAS-HEUPARTROSE',
] as const;
export type CitationId = (typeof CITATION_IDS)[number];

export interface Citation {
  readonly id: CitationId;
  readonly title: string;
  readonly url: string;
}

const entry = (id: CitationId, title: string, url: string): Citation => Object.freeze({ id, title, url });

export const CITATIONS: Readonly<Record<CitationId, Citation>> = {
  'NICE-NG226': entry(
    'NICE-NG226',
    'NICE NG226, Osteoarthritis in over 16s: diagnosis and management (2022). Diagnosis 1.1.1–1.1.2, information 1.2.1–1.2.3; sections on non-pharmacological management, pharmacological management and referral for joint replacement',
    'https://www.nice.org.uk/guidance/ng226',
  ),
  'NICE-QS87': entry(
    'NICE-QS87',
    'NICE QS87, Osteoarthritis quality standard (statements 1 and 3–8; it does not cover joint replacement itself)',
    'https://www.nice.org.uk/guidance/qs87',
  ),
  'NICE-NG157': entry(
    'NICE-NG157',
    'NICE NG157, Joint replacement (primary): hip, knee and shoulder (shared decision-making 1.1.2; follow-up)',
    'https://www.nice.org.uk/guidance/ng157',
  ),
  'AAOS-2023': entry(
    'AAOS-2023',
    'AAOS Clinical Practice Guideline, Management of Osteoarthritis of the Hip (2023)',
    'https://www.orthoguidelines.org/',
  ),
  'AAOS-PJI-2019': entry(
    'AAOS-PJI-2019',
    'AAOS Clinical Practice Guideline, Diagnosis and Prevention of Periprosthetic Joint Infections (2019): intra-articular injection before arthroplasty',
    'https://www.orthoguidelines.org/',
  ),
  'ACR-1991': entry(
    'ACR-1991',
    'Altman et al. 1991, ACR criteria for classification of osteoarthritis of the hip',
    'https://pubmed.ncbi.nlm.nih.gov/2025304/',
  ),
  'ACR-AAHKS-2023': entry(
    'ACR-AAHKS-2023',
    'ACR/AAHKS 2023 guideline on the optimal timing of elective hip and knee arthroplasty',
    'https://pubmed.ncbi.nlm.nih.gov/37743767/',
  ),
  'ACR-AC-HIP': entry(
    'ACR-AC-HIP',
    'ACR Appropriateness Criteria, Chronic Hip Pain (radiographs of pelvis and hip first; MRI when they are negative or equivocal)',
    'https://acsearch.acr.org/list',
  ),
  'NOV-2018': entry(
    'NOV-2018',
    'NOV/KNGF richtlijn Artrose in heup of knie: conservatieve behandeling (2018), modules diagnostiek and geïntegreerd beleid (stepped care)',
    'https://richtlijnendatabase.nl/richtlijn/artrose_in_heup_of_knie/',
  ),
  'ZAS-HEUPARTROSE': entry(
    'ZAS-HEUPARTROSE',
    'ZAS patient information, Artrose in de heup (the pathway as explained to patients)',
    'https://www.zas.be/aandoeningen/artrose-de-heup',
  ),
};
