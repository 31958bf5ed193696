import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

/**
 * The dashboard's charts: chart.js bar charts, only the parts used registered (tree-shaken), in a module the dashboard
 * loads lazily, so that no other page carries chart.js and the dashboard's tables show before it arrives. Every chart
 * has a table of the same figures next to it (the canvas is an image to assistive technology, labelled), and the
 * second series of a chart is hatched as well as coloured, so colour is never the only signal.
 */
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
Chart.defaults.color = '#1b1f24';
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
Chart.defaults.font.size = 13;
Chart.defaults.animation = false;

const COLOURS = ['#0b5cad', '#8a5300'];

export interface BarSeries {
  label: string;
  values: (number | null)[];
}

export interface BarChartProps {
  /** What the chart shows, for assistive technology; the table next to it has the figures. */
  label: string;
  categories: string[];
  series: BarSeries[];
  horizontal?: boolean;
  /** The value axis's end (100 for percentages), else chosen from the data. */
  max?: number;
  /** After each tick of the value axis, e.g. ' %'. */
  unit?: string;
}

export function BarChart(props: BarChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const key = JSON.stringify(props);
  useEffect(() => {
    const chart = new Chart(canvas.current!, configuration(props));
    return () => chart.destroy();
    // Rebuilt when what it shows changes (`key`), not on every render.
  }, [key]);
  return (
    <div class="chart-box" style={{ height: props.horizontal ? `${horizontalHeight(props)}rem` : '18rem' }}>
      <canvas ref={canvas} role="img" aria-label={props.label} />
    </div>
  );
}

/** Label width, in characters, before a category's label wraps. */
const LABEL_WIDTH = { horizontal: 40, vertical: 16 };

/** A horizontal chart's height in rem: each category as tall as its wrapped label or its bars, whichever is taller. */
function horizontalHeight({ categories, series }: BarChartProps): number {
  const rows = categories.reduce((sum, category) => sum + Math.max(wrap(category, LABEL_WIDTH.horizontal).length, series.length), 0);
  return rows * 1.4 + categories.length * 0.8 + 4;
}

function configuration({ categories, series, horizontal = false, max, unit = '' }: BarChartProps): ChartConfiguration<'bar'> {
  const valueAxis = {
    beginAtZero: true,
    max,
    ticks: { precision: 0, callback: (value: string | number) => `${value}${unit}` },
    grid: { color: '#d7dce1' },
  };
  const categoryAxis = { ticks: { autoSkip: false }, grid: { display: false } };
  return {
    type: 'bar',
    data: {
      labels: categories.map((category) => wrap(category, horizontal ? LABEL_WIDTH.horizontal : LABEL_WIDTH.vertical)),
      datasets: series.map(({ label, values }, index) => ({
        label,
        data: values,
        backgroundColor: index === 0 ? COLOURS[0] : hatch(COLOURS[1]),
        borderColor: COLOURS[index % COLOURS.length],
        borderWidth: 1,
      })),
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: series.length > 1, position: 'bottom' }, tooltip: { enabled: true } },
      scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
    },
  };
}

/** A label in lines of about `width` characters, broken between words (and between the words of a CODE_NAME). */
function wrap(label: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of label.split(/(?<=[ _])/)) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + word.length <= width) lines[last] += word;
    else lines.push(word);
  }
  return lines.map((line) => line.trimEnd());
}

/** Diagonal stripes of `colour` on white: the second series differs by pattern as well as by colour. */
function hatch(colour: string): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const context = tile.getContext('2d');
  if (!context) return colour;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, 8, 8);
  context.strokeStyle = colour;
  context.lineWidth = 2.5;
  context.beginPath();
  context.moveTo(-2, 10);
  context.lineTo(10, -2);
  context.moveTo(-2, 2);
  context.lineTo(2, -2);
  context.moveTo(6, 10);
  context.lineTo(10, 6);
  context.stroke();
  return context.createPattern(tile, 'repeat') ?? colour;
}
