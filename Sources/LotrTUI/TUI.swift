// LotrTUI: the full-screen front end, built the Elm way.
//
//   model (a value) ── update(model, event) → (model, command)
//        └─ view(model, size) → Screen (a grid of cells) ── Terminal paints it
//
// Only Terminal.swift talks to curses. Layout (DisplayWidth, TextLayout), the cell grid
// (Screen), input decoding (InputDecoder) and the run loop's rules (SizeGuard) are pure and
// tested without a terminal; the screens of the interview are views over the engine's state.

// Text measuring and wrapping live in LotrEngine (reports need them too); front ends see them here.
@_exported import LotrEngine
