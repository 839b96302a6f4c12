import type { Renderer } from './renderer.js';
/** Every report target, by the name `--format` takes. A new target is one file and one line here. */
export declare const RENDERERS: readonly Renderer[];
/** The renderer of a format, or undefined. */
export declare function rendererFor(format: string, renderers?: readonly Renderer[]): Renderer | undefined;
