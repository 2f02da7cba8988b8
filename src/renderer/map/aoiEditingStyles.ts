import type { FeatureLike } from 'ol/Feature';
import CircleStyle from 'ol/style/Circle';
import Fill from 'ol/style/Fill';
import Stroke from 'ol/style/Stroke';
import Style from 'ol/style/Style';
import { AOI_COLORS } from './aoiLayer';

// The sketch uses the active AOI's colour, dashed, so it reads as "this will become the AOI".
const sketchPolygon = new Style({
  stroke: new Stroke({ color: AOI_COLORS.active, width: 2, lineDash: [7, 5] }),
  fill: new Fill({ color: AOI_COLORS.activeFill }),
});

const pointerHandle = new Style({
  image: new CircleStyle({
    radius: 5,
    fill: new Fill({ color: '#ffffff' }),
    stroke: new Stroke({ color: AOI_COLORS.active, width: 2 }),
  }),
});

/** Style of the drawing sketch: the polygon being drawn and the pointer handle. */
export function drawStyle(feature: FeatureLike): Style {
  return feature.getGeometry()?.getType() === 'Point' ? pointerHandle : sketchPolygon;
}

/** The vertex (or edge point) under the pointer while editing: larger than the resting handles. */
export const modifyStyle = new Style({
  image: new CircleStyle({
    radius: 6,
    fill: new Fill({ color: AOI_COLORS.active }),
    stroke: new Stroke({ color: '#ffffff', width: 2 }),
  }),
});
