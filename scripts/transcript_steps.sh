# Sourced by the demo scripts that write a transcript (demo_ladders.sh, demo_paths.sh): `step ARGS…` prints the command
# as one could type it (an argument with spaces, quotes or shell characters in double quotes), runs `$greffe ARGS…`
# with its errors in the transcript, and notes a non-zero exit code instead of stopping.
quote() {
    local out="" arg
    for arg in "$@"; do
        case "$arg" in
            *[[:space:]\'\"«»\(\)\;\&\|]*|'') out+=" \"$arg\"" ;;
            *) out+=" $arg" ;;
        esac
    done
    printf '%s' "$out"
}
step() {
    printf '\n$ greffe%s\n' "$(quote "$@")"
    "$greffe" "$@" 2>&1
    local status=$?
    [ "$status" -eq 0 ] || printf '(code de sortie %s)\n' "$status"
    return 0
}
