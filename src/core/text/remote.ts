/**
 * A meeting held at a distance — "held a telephone conversation", "by video conference": it took place
 * nowhere, so a release about one has no place (the drafter leaves it out; a question about a visit there
 * is answered with no visit).
 */
export const REMOTE_MEETING =
  /\b(?:tele)?phone (?:conversation|call|talks?)\b|\bby (?:tele)?phone\b|\bvia video ?(?:conference|link)\b|\bvideo ?(?:conference|call)\b|\bonline (?:meeting|talks|consultations)\b/i;
