/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32) for the data
 * generator: the same seed gives the same cohort. One stream per patient (`forPatient`), so a
 * patient's history does not depend on how the cohort is batched.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(...seeds: number[]) {
    let state = 0x9e3779b9;
    const next = (): number => {
      state = (state + 0x9e3779b9) | 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    // Each seed is mixed in after the previous ones, so (1, 2) and (2, 1) differ.
    for (const seed of seeds) state = (next() ^ seed) | 0;
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.float();
  }

  static forPatient(seed: number, patientIndex: number): Random {
    return new Random(seed, patientIndex, Math.floor(patientIndex / 2 ** 32));
  }

  /** Uniform in [0, 1). */
  float(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)];
  }

  /** One of the items, each with its weight. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.float() * total;
    for (const [item, weight] of choices) {
      roll -= weight;
      if (roll < 0) return item;
    }
    return choices[choices.length - 1][0];
  }

  /** Each item kept with probability `p`, in order. */
  subset<T>(items: readonly T[], p: number): T[] {
    return items.filter(() => this.chance(p));
  }

  /** Approximately normal (sum of uniforms), clamped to [min, max]. */
  normal(mean: number, deviation: number, min: number, max: number): number {
    // The sum of four uniforms has variance 1/3: scale it to a standard deviation of 1.
    const standard = (this.float() + this.float() + this.float() + this.float() - 2) * Math.sqrt(3);
    return Math.min(max, Math.max(min, mean + standard * deviation));
  }

  /** A version 4 UUID drawn from this stream. */
  uuid(): string {
    const hex = (bits: number, length: number) => (bits >>> 0).toString(16).padStart(8, '0').slice(0, length);
    const word = () => Math.floor(this.float() * 4294967296);
    const a = hex(word(), 8);
    const b = hex(word(), 8);
    const c = hex(word(), 8);
    const d = hex(word(), 8);
    const variant = ((parseInt(c[0], 16) & 0x3) | 0x8).toString(16);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4, 8)}${d}`;
  }
}
