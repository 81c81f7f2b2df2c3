// The map projection: equirectangular, fitted to the points' bounding box, north up, aspect kept.
import { describe, expect, it } from 'vitest';

import { projectPoints, scaleBar } from '../src/projection.js';

describe('projectPoints', () => {
  it('maps the bounding box onto the box with the margin, north up', () => {
    // Two points on the equator line of latitude 0 (cos = 1) 1 degree apart in each direction:
    // a square span fitted into a 220 x 220 box with margin 10 fills 200 x 200.
    const p = projectPoints(
      [
        { id: 'sw', latitude: 0, longitude: 0 },
        { id: 'ne', latitude: 1, longitude: 1 },
      ],
      220, 220, 10);
    // mean latitude 0.5 degrees: kx = cos(0.5°) = 0.999962; the x span is 0.999962 degrees,
    // the y span 1 degree, so the scale is 200 px/degree and x is centred.
    const kx = Math.cos((0.5 * Math.PI) / 180);
    expect(p[0].y).toBeCloseTo(210, 6);
    expect(p[1].y).toBeCloseTo(10, 6);
    expect(p[1].x - p[0].x).toBeCloseTo(200 * kx, 6);
    expect((p[0].x + p[1].x) / 2).toBeCloseTo(110, 6);
  });

  it('shrinks longitude by cos(latitude) and keeps the aspect ratio', () => {
    // At 60°N, 0.02° of longitude is as long as 0.01° of latitude: a square.
    const p = projectPoints(
      [
        { id: 'a', latitude: 59.995, longitude: 10.0 },
        { id: 'b', latitude: 60.005, longitude: 10.02 },
      ],
      400, 200, 0);
    const w = Math.abs(p[1].x - p[0].x);
    const hgt = Math.abs(p[1].y - p[0].y);
    expect(w / hgt).toBeCloseTo(2 * Math.cos((60 * Math.PI) / 180), 6);
    expect(hgt).toBeCloseTo(200, 6); // height binds: 200 px for 0.01°
    expect(p[0].x).toBeCloseTo(100, 6); // centred horizontally: (400 - 200) / 2
  });

  it('centres a single point and skips points without coordinates', () => {
    const p = projectPoints(
      [
        { id: 'a', latitude: 40.4, longitude: -3.7 },
        { id: 'b', latitude: null, longitude: null },
        { id: 'c' },
      ],
      300, 100, 10);
    expect(p).toHaveLength(1);
    expect(p[0].x).toBeCloseTo(150, 6);
    expect(p[0].y).toBeCloseTo(50, 6);
  });

  it('returns nothing for no points', () => {
    expect(projectPoints([], 100, 100)).toEqual([]);
  });
});

describe('scaleBar', () => {
  it('picks the longest 1-2-5 length that fits', () => {
    // 111 194.93 px per degree = 1 px per metre: 160 px allows 100 m.
    expect(scaleBar(111194.93, 160)).toEqual({ metres: 100, px: 100 });
    // 2 px per metre: 160 px allows 50 m (100 px); 200 m would need 400 px.
    expect(scaleBar(2 * 111194.93, 160).metres).toBe(50);
    expect(scaleBar(0, 100)).toBeNull();
  });

  it('comes with the projection: pixels per degree of latitude', () => {
    const p = projectPoints(
      [{ latitude: 40, longitude: -3 }, { latitude: 40.01, longitude: -3 }], 100, 120, 10);
    expect(p.pxPerDegree).toBeCloseTo(100 / 0.01, 6); // height 100 px for 0.01°
  });
});
