# zsh zsh-completions.zsh <completion script> <command line> <compdump file>: prints each word zsh's completion offers
# for the line
# (one a line, sorted), as a person pressing Tab in an interactive zsh would get it: a real zsh in a pseudo-terminal
# (zpty) with compinit, where every word the completion adds is also printed, marked.
zmodload zsh/zpty
zpty z zsh -f -i
# Reads the shell's output until `mark` shows (or 20 s pass).
read_until() {
  local mark=$1 chunk
  out=""
  integer deadline=$(( SECONDS + 20 ))
  while (( SECONDS < deadline )); do
    if zpty -r -t z chunk; then out+=$chunk; [[ $out == *$mark* ]] && return 0; else sleep 0.05; fi
  done
  return 1
}
# compinit scans every completion function zsh has (seconds); its dump file makes the next run quick.
zpty -w z "PROMPT='> '; autoload -Uz compinit; compinit -u -d ${(q)3}; source ${(q)1}"
# Every word a completion function adds is printed too, marked.
zpty -w z 'compadd() { if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return $?; fi;'\
' local -a hits; builtin compadd -A hits "$@"; (( $#hits )) && print -rl -- "" "${(@)^hits/#/<<MATCH>>}";'\
' builtin compadd "$@"; }'
zpty -w z "zstyle ':completion:*' list-prompt ''; unsetopt beep; print SET''UP-DONE"
read_until SETUP-DONE || { print -u2 "zsh never got ready"; exit 1; }
zpty -w -n z "$2"$'\t'
read_until '<<MATCH>>'
zpty -w z $'\C-u'"print CAP''TURE-END"
captured=$out
read_until CAPTURE-END
captured+=$out
print -r -- "$captured" | tr -d '\r' | grep -a '<<MATCH>>' | sed 's/.*<<MATCH>>//' | sort -u
zpty -d z
