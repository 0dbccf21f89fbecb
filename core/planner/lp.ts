/**
 * A linear model written as CPLEX LP text, the format HiGHS reads. Variables are named by the
 * caller (letters, digits, underscores); long rows are wrapped, as the format allows.
 */
export class LpModel {
  private readonly objective: string[] = [];
  private readonly rows: string[] = [];
  private readonly bounds: string[] = [];
  private readonly integers: string[] = [];
  private readonly binaries: string[] = [];
  private readonly names = new Set<string>();

  get variableCount(): number {
    return this.names.size;
  }
  get constraintCount(): number {
    return this.rows.length;
  }

  /** A variable with bounds and an objective cost; `kind` integer or binary makes the model a MIP. */
  variable(
    name: string,
    cost: number,
    lower = 0,
    upper = Number.POSITIVE_INFINITY,
    kind: 'continuous' | 'integer' | 'binary' = 'continuous',
  ): string {
    this.names.add(name);
    if (cost !== 0) this.objective.push(term(cost, name));
    if (kind === 'binary') this.binaries.push(name);
    else {
      if (kind === 'integer') this.integers.push(name);
      this.bounds.push(upper === Number.POSITIVE_INFINITY ? ` ${name} >= ${lower}` : ` ${lower} <= ${name} <= ${upper}`);
    }
    if (kind === 'binary' && lower > 0) this.bounds.push(` ${name} = 1`);
    return name;
  }

  /** Σ coef·var (sense) rhs; a row with no terms is dropped. */
  constraint(name: string, terms: ReadonlyArray<readonly [number, string]>, sense: '<=' | '>=' | '=', rhs: number): void {
    if (terms.length === 0) return;
    this.rows.push(` ${name}: ${wrap(terms.map(([c, v]) => term(c, v)))} ${sense} ${rhs}`);
  }

  /** The model as LP text; `relaxed` drops integrality (the LP relaxation, a lower bound). */
  text(relaxed = false): string {
    const objective = this.objective.length > 0 ? wrap(this.objective) : `0 ${[...this.names][0] ?? 'empty'}`;
    return [
      'Minimize',
      ` obj: ${objective}`,
      'Subject To',
      ...this.rows,
      'Bounds',
      ...this.bounds,
      ...(relaxed ? this.binaries.map((b) => ` 0 <= ${b} <= 1`) : []),
      ...(this.integers.length > 0 && !relaxed ? ['Generals', wrap(this.integers, ' ')] : []),
      ...(this.binaries.length > 0 && !relaxed ? ['Binaries', wrap(this.binaries, ' ')] : []),
      'End',
      '',
    ].join('\n');
  }
}

function term(coef: number, name: string): string {
  const sign = coef < 0 ? '-' : '+';
  const abs = Math.abs(coef);
  return `${sign} ${abs === 1 ? '' : `${abs} `}${name}`;
}

/** Terms joined, a new line every 20 of them. */
function wrap(terms: readonly string[], lead = ''): string {
  const lines: string[] = [];
  for (let i = 0; i < terms.length; i += 20) lines.push(lead + terms.slice(i, i + 20).join(' '));
  return lines.join('\n ');
}
