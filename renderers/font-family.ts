// The one face every chat picture's text is drawn with, without loading the rasteriser: the chart
// code runs in the bot's process, resvg only in render processes (raster.ts).

/**
 * Graphviz measures text with Arial metrics; DejaVu Sans Condensed is the shipped face whose
 * widths come closest (DejaVu Sans is ~12% wider and would overflow the boxes).
 */
export const RASTER_FONT_FAMILY = 'DejaVu Sans Condensed';
