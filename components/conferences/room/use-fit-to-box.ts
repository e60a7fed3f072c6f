"use client";

import { useLayoutEffect, type RefObject } from "react";

/**
 * Shrinks the type of a box until its content fits without scrolling: the beamer shows the whole
 * wall, never a cut-off card. Every size is measured (binary search over pixel sizes), so long and
 * short cards, few and many, all end up as large as the screen allows.
 */
export function useFitToBox(ref: RefObject<HTMLElement | null>, content: unknown, { min = 9, max = 34 } = {}) {
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    const fit = () => {
      let low = min;
      let high = max;
      while (high - low > 0.5) {
        const size = (low + high) / 2;
        box.style.fontSize = `${size}px`;
        if (box.scrollHeight <= box.clientHeight + 1 && box.scrollWidth <= box.clientWidth + 1) low = size;
        else high = size;
      }
      box.style.fontSize = `${low}px`;
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(box);
    return () => observer.disconnect();
  }, [ref, content, min, max]);
}
