/** Where a JSON text first goes wrong, and how. */
export interface JsonSyntaxProblem {
  offset: number;
  line: number;
  column: number;
  message: string;
}

/**
 * Finds the first syntax error of a JSON text, with its line and column. Node's JSON.parse does not
 * always say where (`Unexpected token '}'`), and a person fixing a plan by hand needs the line.
 * Returns undefined when the text is valid JSON.
 */
export function locateJsonError(text: string): JsonSyntaxProblem | undefined {
  const scanner = new Scanner(text);
  try {
    scanner.skipSpace();
    scanner.value();
    scanner.skipSpace();
    if (scanner.pos < text.length) scanner.fail('unexpected text after the JSON value');
    return undefined;
  } catch (error) {
    if (!(error instanceof SyntaxProblem)) throw error;
    return { offset: error.offset, ...lineAndColumn(text, error.offset), message: error.message };
  }
}

class SyntaxProblem extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

class Scanner {
  pos = 0;
  constructor(private readonly text: string) {}

  fail(message: string): never {
    throw new SyntaxProblem(message, this.pos);
  }

  skipSpace(): void {
    while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos]!)) this.pos++;
  }

  value(): void {
    const char = this.text[this.pos];
    if (char === undefined) this.fail('unexpected end of file, a value was expected');
    if (char === '{') return this.object();
    if (char === '[') return this.array();
    if (char === '"') return this.string();
    if (char === '-' || (char >= '0' && char <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    this.fail(`unexpected ${describe(char)}, a value was expected`);
  }

  private object(): void {
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === '}') return void this.pos++;
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') this.expected('a double-quoted property name');
      this.string();
      this.skipSpace();
      if (this.text[this.pos] !== ':') this.expected("':' after the property name");
      this.pos++;
      this.skipSpace();
      this.value();
      this.skipSpace();
      const next = this.text[this.pos];
      if (next === '}') return void this.pos++;
      if (next !== ',') this.expected("',' or '}' after the property value");
      this.pos++;
      this.skipSpace();
      if (this.text[this.pos] === '}') this.fail("trailing comma before '}'");
    }
  }

  private array(): void {
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === ']') return void this.pos++;
    for (;;) {
      this.skipSpace();
      this.value();
      this.skipSpace();
      const next = this.text[this.pos];
      if (next === ']') return void this.pos++;
      if (next !== ',') this.expected("',' or ']' after the array element");
      this.pos++;
      this.skipSpace();
      if (this.text[this.pos] === ']') this.fail("trailing comma before ']'");
    }
  }

  private string(): void {
    const start = this.pos;
    this.pos++;
    while (this.pos < this.text.length) {
      const char = this.text[this.pos]!;
      if (char === '"') return void this.pos++;
      if (char === '\\') {
        const escape = this.text[this.pos + 1];
        if (escape === undefined || !'"\\/bfnrtu'.includes(escape)) {
          this.pos++;
          this.fail('invalid escape in string');
        }
        if (escape === 'u' && !/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) {
          this.fail('invalid \\u escape in string');
        }
        this.pos += escape === 'u' ? 6 : 2;
        continue;
      }
      if (char === '\n') this.fail('unterminated string (line break inside a string)');
      if (char < ' ') this.fail('control character inside a string');
      this.pos++;
    }
    this.pos = start;
    this.fail('unterminated string');
  }

  private number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos));
    if (!match) this.fail('invalid number');
    this.pos += match[0].length;
  }

  private expected(what: string): never {
    const char = this.text[this.pos];
    this.fail(`expected ${what}, found ${char === undefined ? 'the end of the file' : describe(char)}`);
  }
}

function describe(char: string): string {
  return char === '\n' ? 'a line break' : `'${char}'`;
}

/** The 1-based line and column of an offset in a text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
