// The least of SVG that bpmn-js's Viewer needs from jsdom, which implements SVG elements but lays
// nothing out: getBBox (zero-sized; the viewer only fits its viewbox with it), getCTM/getScreenCTM,
// SVGMatrix, `transform.baseVal` lists, which tiny-svg reads and writes, and a canvas whose
// measureText gives the widths the exporter plans labels with (diagram-js wraps text with it).
import { textWidthPx } from '../../renderers/bpmn/text.js';

/** An affine matrix [a c e; b d f; 0 0 1], enough of SVGMatrix for diagram-js. */
class Matrix {
  constructor(
    public a = 1,
    public b = 0,
    public c = 0,
    public d = 1,
    public e = 0,
    public f = 0,
  ) {}
  multiply(m: Matrix): Matrix {
    return new Matrix(
      this.a * m.a + this.c * m.b,
      this.b * m.a + this.d * m.b,
      this.a * m.c + this.c * m.d,
      this.b * m.c + this.d * m.d,
      this.a * m.e + this.c * m.f + this.e,
      this.b * m.e + this.d * m.f + this.f,
    );
  }
  translate(x: number, y: number): Matrix {
    return this.multiply(new Matrix(1, 0, 0, 1, x, y));
  }
  scale(s: number): Matrix {
    return this.multiply(new Matrix(s, 0, 0, s, 0, 0));
  }
  inverse(): Matrix {
    const det = this.a * this.d - this.b * this.c;
    return new Matrix(
      this.d / det,
      -this.b / det,
      -this.c / det,
      this.a / det,
      (this.c * this.f - this.d * this.e) / det,
      (this.b * this.e - this.a * this.f) / det,
    );
  }
}

class Transform {
  type = 1;
  angle = 0;
  constructor(public matrix = new Matrix()) {}
  setMatrix(m: Matrix) {
    this.matrix = new Matrix(m.a, m.b, m.c, m.d, m.e, m.f);
  }
  setTranslate(x: number, y: number) {
    this.matrix = new Matrix(1, 0, 0, 1, x, y);
  }
  setScale(sx: number, sy: number) {
    this.matrix = new Matrix(sx, 0, 0, sy, 0, 0);
  }
  setRotate(angle: number, cx = 0, cy = 0) {
    const r = (angle * Math.PI) / 180;
    const [cos, sin] = [Math.cos(r), Math.sin(r)];
    this.angle = angle;
    this.matrix = new Matrix(1, 0, 0, 1, cx, cy)
      .multiply(new Matrix(cos, sin, -sin, cos, 0, 0))
      .translate(-cx, -cy);
  }
}

class TransformList {
  private items: Transform[] = [];
  get numberOfItems() {
    return this.items.length;
  }
  clear() {
    this.items = [];
  }
  appendItem(t: Transform) {
    this.items.push(t);
    return t;
  }
  getItem(i: number) {
    return this.items[i];
  }
  createSVGTransformFromMatrix(m: Matrix) {
    return new Transform(new Matrix(m.a, m.b, m.c, m.d, m.e, m.f));
  }
  consolidate(): Transform | null {
    if (!this.items.length) return null;
    const m = this.items.reduce((acc, t) => acc.multiply(t.matrix), new Matrix());
    this.items = [new Transform(m)];
    return this.items[0]!;
  }
}

let installed = false;

/** Idempotent; call before importing bpmn-js in a jsdom test environment. */
export function installSvgPolyfills(): void {
  if (installed) return;
  installed = true;
  const g = globalThis as unknown as Record<string, unknown>;
  g.SVGMatrix ??= Matrix;
  const lists = new WeakMap<object, { baseVal: TransformList }>();
  // jsdom's SVGElement (the project compiles without the DOM library's types).
  const svgElement = g.SVGElement as { prototype: object } | undefined;
  if (!svgElement) throw new Error('installSvgPolyfills needs the jsdom test environment');
  const proto = svgElement.prototype as Record<string, unknown>;
  Object.defineProperty(proto, 'transform', {
    configurable: true,
    get(this: object) {
      let t = lists.get(this);
      if (!t) lists.set(this, (t = { baseVal: new TransformList() }));
      return t;
    },
  });
  const canvas = g.HTMLCanvasElement as { prototype: Record<string, unknown> } | undefined;
  if (canvas)
    canvas.prototype.getContext = () => {
      const ctx = {
        font: '12px Arial',
        measureText(text: string) {
          const px = Number(/(\d+(?:\.\d+)?)px/.exec(ctx.font)?.[1] ?? 12);
          return {
            width: textWidthPx(text, px),
            actualBoundingBoxAscent: px * 0.8,
            actualBoundingBoxDescent: px * 0.2,
          };
        },
      };
      return ctx;
    };
  proto.getBBox = () => ({ x: 0, y: 0, width: 0, height: 0 });
  proto.getCTM = () => new Matrix();
  proto.getScreenCTM = () => new Matrix();
  proto.createSVGMatrix = () => new Matrix();
  proto.createSVGTransform = () => new Transform();
  proto.createSVGTransformFromMatrix = (m: Matrix) =>
    new Transform(new Matrix(m.a, m.b, m.c, m.d, m.e, m.f));
}
