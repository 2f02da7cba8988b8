import type BaseLayer from 'ol/layer/Base';

/** What the layers panel can do to one entry. */
export interface LayerSwitch {
  setVisible(visible: boolean): void;
  setOpacity(opacity: number): void;
}

/** A switch over plain OpenLayers layers (a footprint entry drives its two layers together). */
export function switchOf(...layers: BaseLayer[]): LayerSwitch {
  return {
    setVisible: (visible) => layers.forEach((l) => l.getVisible() !== visible && l.setVisible(visible)),
    setOpacity: (opacity) => layers.forEach((l) => l.getOpacity() !== opacity && l.setOpacity(opacity)),
  };
}

/**
 * The map's layers by panel id (layers/catalog.ts). An id nothing registered yet (a tasking layer
 * still to come) is remembered and applied when it registers, so a restored workspace is not lost.
 */
export class LayerSwitches {
  private readonly switches = new Map<string, LayerSwitch>();
  private readonly pending = new Map<string, { visible?: boolean; opacity?: number }>();

  register(id: string, layerSwitch: LayerSwitch): void {
    this.switches.set(id, layerSwitch);
    const state = this.pending.get(id);
    if (state?.visible !== undefined) layerSwitch.setVisible(state.visible);
    if (state?.opacity !== undefined) layerSwitch.setOpacity(state.opacity);
  }

  setVisible(id: string, visible: boolean): void {
    this.pending.set(id, { ...this.pending.get(id), visible });
    this.switches.get(id)?.setVisible(visible);
  }

  setOpacity(id: string, opacity: number): void {
    const clamped = Math.min(1, Math.max(0, opacity));
    this.pending.set(id, { ...this.pending.get(id), opacity: clamped });
    this.switches.get(id)?.setOpacity(clamped);
  }
}
