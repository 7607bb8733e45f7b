# Installs what VNet Integration Lab needs and is missing, pinned; a second run installs nothing.
# Sourced by scripts/serve and scripts/test (not run on its own).
# A fresh Debian machine needs only rustup, node and apt; everything else comes from here.

TRUNK_VERSION=0.21.14
PROJECT_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$HOME/.cargo/bin:$PROJECT_ROOT/node_modules/.bin:$PATH"

setup_fail() {
    echo "setup: $*" >&2
    exit 1
}

setup_say() {
    echo "setup: $*"
}

setup_require_base() {
    command -v rustup >/dev/null || setup_fail "rustup is missing: install it from https://rustup.rs, then run this again."
    command -v node >/dev/null || setup_fail "node is missing: install Node.js 20 or newer (apt-get install nodejs npm), then run this again."
    command -v npm >/dev/null || setup_fail "npm is missing: install it (apt-get install npm), then run this again."
}

# Debian packages: chromium and its driver run the browser tests; openssl checks the issued
# certificates (R13) as an outside tool.
setup_apt() {
    local missing=() package
    for package in "$@"; do
        case $package in
            chromium) [ -x /usr/bin/chromium ] || missing+=(chromium) ;;
            chromium-driver) command -v chromedriver >/dev/null || missing+=(chromium-driver) ;;
            openssl) command -v openssl >/dev/null || missing+=(openssl) ;;
        esac
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    command -v apt-get >/dev/null ||
        setup_fail "apt-get is not available: install ${missing[*]} by hand, then run this again."
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        sudo -n true 2>/dev/null ||
            setup_fail "installing Debian packages needs root: run 'sudo apt-get install -y --no-install-recommends ${missing[*]}', then run this again."
        sudo=sudo
    fi
    setup_say "installing Debian packages: ${missing[*]}"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null ||
        setup_fail "apt-get update failed; install ${missing[*]} by hand, then run this again."
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null ||
        setup_fail "apt-get install ${missing[*]} failed; install them by hand, then run this again."
}

setup_rust() {
    rustup target list --installed | grep -qx wasm32-unknown-unknown || {
        setup_say "adding the wasm32-unknown-unknown target"
        rustup target add wasm32-unknown-unknown || setup_fail "could not add the wasm32 target: run 'rustup target add wasm32-unknown-unknown'."
    }
    local component
    for component in rustfmt clippy; do
        rustup component list --installed | grep -q "^$component" || {
            setup_say "adding the $component component"
            rustup component add "$component" || setup_fail "could not add $component: run 'rustup component add $component'."
        }
    done
}

setup_trunk() {
    [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ] && return 0
    setup_say "installing trunk $TRUNK_VERSION (takes several minutes, once)"
    cargo install --locked trunk --version "$TRUNK_VERSION" ||
        setup_fail "could not install trunk: run 'cargo install --locked trunk --version $TRUNK_VERSION'."
}

# wasm-bindgen-cli must equal the wasm-bindgen crate of Cargo.lock. Installed without --locked:
# its own lockfile wants a webpki-roots release the registry lacks.
setup_wasm_bindgen() {
    local version
    version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$PROJECT_ROOT/Cargo.lock")
    [ -n "$version" ] || setup_fail "Cargo.lock names no wasm-bindgen version."
    [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $version" ] &&
        command -v wasm-bindgen-test-runner >/dev/null && return 0
    setup_say "installing wasm-bindgen-cli $version (takes a few minutes, once)"
    cargo install wasm-bindgen-cli --version "$version" --force ||
        setup_fail "could not install wasm-bindgen-cli: run 'cargo install wasm-bindgen-cli --version $version'."
}

# npm tools, exactly as package-lock.json pins them (binaryen's wasm-opt, Playwright, axe-core).
setup_npm() {
    local stamp="$PROJECT_ROOT/node_modules/.package-lock.json"
    [ -f "$stamp" ] && [ "$stamp" -nt "$PROJECT_ROOT/package-lock.json" ] && return 0
    setup_say "installing the npm tools of package-lock.json"
    (cd "$PROJECT_ROOT" && npm ci --no-audit --no-fund --loglevel=error) ||
        setup_fail "npm ci failed: run 'npm ci' in $PROJECT_ROOT and read its error."
}

# What serving the app needs.
setup_for_serve() {
    setup_require_base
    setup_rust
    setup_npm
    setup_trunk
    setup_wasm_bindgen
}

# What the whole test suite needs: the above, a headless browser and openssl.
setup_for_tests() {
    setup_require_base
    setup_apt chromium chromium-driver openssl
    setup_rust
    setup_npm
    setup_trunk
    setup_wasm_bindgen
}
