"""Deterministic placeholder photographs for the photo book (tools/make_photos.py).

All randomness comes from numpy.random.default_rng(seed) and all drawing from
Pillow, so the same spec always gives byte-identical files.  The modules, from
the command line down to the brush:

- cli: command line, worker pool, keeping files that are still current
- spec: reading and checking the YAML spec (Entry, SpecError)
- variants: an entry's photo stored as its variant with its fingerprint, by
  book.placeholder_photos (the one placeholder writer: variants, ICC
  profiles, the label, atomic writes)
- render: scene registry, painting at reduced size, ageing, grain
- scenes_port, scenes_sea, scenes_city, scenes_events, scenes_landmarks,
  scenes_nature: one function per scene, grouped by theme
- landscape, buildings, port, street, plants, people, props: things scenes
  are made of
- canvas: the Painter (random stream, light, primitives, layers, reflections)
- colour: colour arithmetic, palettes and the light of the time of day
"""
