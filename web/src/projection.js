// Equirectangular projection of supply points (latitude/longitude in degrees) into an SVG box
// (pixels), fitted to the points' bounding box with a margin and the aspect ratio kept; x is
// scaled by cos(mean latitude) so distances look right at the community's latitude.

// Metres per degree of latitude (mean Earth radius 6 371 km): 2πR / 360.
export const METRES_PER_DEGREE = 111194.93;

// A scale bar for a map drawn at `pxPerDegree` (pixels per degree of latitude): the longest
// round length (1, 2 or 5 × 10^k m) that fits in `maxPx`. Returns {metres, px} or null.
export function scaleBar(pxPerDegree, maxPx) {
  if (!(pxPerDegree > 0)) return null;
  const pxPerMetre = pxPerDegree / METRES_PER_DEGREE;
  let best = null;
  for (let k = 0; k <= 6; k++) {
    for (const m of [1, 2, 5]) {
      const metres = m * 10 ** k;
      if (metres * pxPerMetre <= maxPx) best = { metres, px: metres * pxPerMetre };
    }
  }
  return best;
}

export function projectPoints(points, width, height, margin = 20) {
  const valid = points.filter(
    (p) => Number.isFinite(+p.latitude) && Number.isFinite(+p.longitude) &&
      p.latitude !== null && p.longitude !== null && p.latitude !== '' && p.longitude !== '',
  );
  if (valid.length === 0) return [];
  const lats = valid.map((p) => +p.latitude);
  const lons = valid.map((p) => +p.longitude);
  const minLat = Math.min(...lats);
  const maxLat = Math.max(...lats);
  const minLon = Math.min(...lons);
  const maxLon = Math.max(...lons);
  const meanLat = ((minLat + maxLat) / 2) * (Math.PI / 180);
  const kx = Math.cos(meanLat);
  const spanX = (maxLon - minLon) * kx;
  const spanY = maxLat - minLat;
  const innerW = width - 2 * margin;
  const innerH = height - 2 * margin;
  let scale;
  if (spanX === 0 && spanY === 0) scale = 0;
  else if (spanX === 0) scale = innerH / spanY;
  else if (spanY === 0) scale = innerW / spanX;
  else scale = Math.min(innerW / spanX, innerH / spanY);
  // Centre the drawing in the box.
  const offX = margin + (innerW - spanX * scale) / 2;
  const offY = margin + (innerH - spanY * scale) / 2;
  const out = valid.map((p) => ({
    ...p,
    x: offX + (+p.longitude - minLon) * kx * scale,
    y: offY + (maxLat - +p.latitude) * scale,
  }));
  out.pxPerDegree = scale; // pixels per degree of latitude (0 for a single point)
  return out;
}
