// Equirectangular projection of supply points (latitude/longitude in degrees) into an SVG box
// (pixels), fitted to the points' bounding box with a margin and the aspect ratio kept; x is
// scaled by cos(mean latitude) so distances look right at the community's latitude.

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
  return valid.map((p) => ({
    ...p,
    x: offX + (+p.longitude - minLon) * kx * scale,
    y: offY + (maxLat - +p.latitude) * scale,
  }));
}
