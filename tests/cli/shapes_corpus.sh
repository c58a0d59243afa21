#!/bin/bash
# The readers on the shared corpus of real texts of other shapes
# (../shared/corpus/shapes beside the checkout, each file with an
# annotation made by someone who did not write the readers): every figure
# within its tolerance of the annotation, or one of the known gaps listed in
# tests/shapes/measure.py with today's figure. Skips, saying so, when the
# corpus is not there (a clone elsewhere); set IMPRINT_SHAPES_DIR to point
# at it.
set -euo pipefail
shapes=${IMPRINT_SHAPES_DIR:-"$SOURCE_DIR/../shared/corpus/shapes"}
if [ ! -f "$shapes/annotations.json" ]; then
    echo "SKIP: no shape corpus at $shapes (set IMPRINT_SHAPES_DIR)"
    exit 77
fi
python3 "$SOURCE_DIR/tests/shapes/measure.py" "$IMPRINT" "$shapes" --check
