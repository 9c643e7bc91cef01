#!/usr/bin/env bash
# Builds the libFuzzer binaries into .build/fuzz/.
#
# SwiftPM cannot build these: an executable target has its `main` renamed, so libFuzzer's own
# `main` never runs. So each target is compiled with swiftc directly, in one module with the
# LotrFlow sources (the entry files use internal names), linked against Yams built here too:
# Yams' Swift sources as a static library, and its bundled libyaml (CYaml) C sources with clang.
# Yams comes from SwiftPM's checkout (.build/checkouts/Yams), so `swift build` must have resolved
# the package once; no network is needed after that.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/.build/fuzz
YAMS=$ROOT/.build/checkouts/Yams/Sources
if [ ! -d "$YAMS/Yams" ]; then
    echo "fuzz: Yams is not checked out yet; run \`swift package resolve\` (or \`swift build\`) first" >&2
    exit 1
fi
mkdir -p "$OUT/obj"
SWIFTC=${SWIFTC:-swiftc}
CLANG=${CLANG:-$(dirname "$(command -v "$SWIFTC")")/clang}

# libyaml, instrumented for coverage so that the fuzzer learns YAML's syntax through it.
cyaml_objs=()
for c in "$YAMS"/CYaml/src/*.c; do
    o="$OUT/obj/cyaml-$(basename "$c" .c).o"
    if [ ! -f "$o" ] || [ "$c" -nt "$o" ]; then
        "$CLANG" -c -O2 -g -fsanitize=fuzzer-no-link -DYAML_DECLARE_STATIC \
            -I "$YAMS/CYaml/include" "$c" -o "$o"
    fi
    cyaml_objs+=("$o")
done

# Yams imports CYaml only when it believes SwiftPM builds it (SWIFT_PACKAGE).
CYAML_FLAGS=(-Xcc -DYAML_DECLARE_STATIC -Xcc -fmodule-map-file="$YAMS/CYaml/include/module.modulemap" -I "$YAMS/CYaml/include")

# Yams itself: a static library and its module, rebuilt only when a source is newer.
if [ ! -f "$OUT/libYams.a" ] || [ -n "$(find "$YAMS/Yams" -name '*.swift' -newer "$OUT/libYams.a")" ]; then
    echo "fuzz: building Yams"
    "$SWIFTC" -O -g -parse-as-library -module-name Yams -sanitize=fuzzer -D SWIFT_PACKAGE \
        -emit-library -static -emit-module -emit-module-path "$OUT/Yams.swiftmodule" \
        "${CYAML_FLAGS[@]}" "$YAMS"/Yams/*.swift -o "$OUT/libYams.a"
fi

build_target() {
    local name=$1 entry=$2
    local bin="$OUT/$name"
    if [ -f "$bin" ] && [ -z "$(find Sources/LotrFlow "$entry" "$OUT/libYams.a" -newer "$bin" | head -1)" ]; then
        return
    fi
    echo "fuzz: building $name"
    "$SWIFTC" -O -g -parse-as-library -sanitize=fuzzer -module-name LotrFlow \
        -I "$OUT" "${CYAML_FLAGS[@]}" \
        Sources/LotrFlow/*.swift "$entry" \
        "$OUT/libYams.a" "${cyaml_objs[@]}" -o "$bin"
}

build_target flow-loader fuzz/FlowLoaderFuzz.swift
build_target expression fuzz/ExpressionFuzz.swift

# The answers reader lives in LotrEngine, which imports LotrFlow: LotrFlow is built once more as
# a module of its own (static library), and the engine's sources with the entry as LotrEngine.
if [ ! -f "$OUT/libLotrFlow.a" ] || [ -n "$(find Sources/LotrFlow "$OUT/libYams.a" -newer "$OUT/libLotrFlow.a" | head -1)" ]; then
    echo "fuzz: building LotrFlow as a module"
    "$SWIFTC" -O -g -parse-as-library -module-name LotrFlow -sanitize=fuzzer \
        -emit-library -static -emit-module -emit-module-path "$OUT/LotrFlow.swiftmodule" \
        -I "$OUT" "${CYAML_FLAGS[@]}" Sources/LotrFlow/*.swift -o "$OUT/libLotrFlow.a"
fi
bin="$OUT/answers-reader"
if [ ! -f "$bin" ] || [ -n "$(find Sources/LotrEngine fuzz/AnswersReaderFuzz.swift "$OUT/libLotrFlow.a" -newer "$bin" | head -1)" ]; then
    echo "fuzz: building answers-reader"
    "$SWIFTC" -O -g -parse-as-library -sanitize=fuzzer -module-name LotrEngine \
        -I "$OUT" "${CYAML_FLAGS[@]}" \
        $(find Sources/LotrEngine -name '*.swift' | sort) fuzz/AnswersReaderFuzz.swift \
        "$OUT/libLotrFlow.a" "$OUT/libYams.a" "${cyaml_objs[@]}" -o "$bin"
fi
