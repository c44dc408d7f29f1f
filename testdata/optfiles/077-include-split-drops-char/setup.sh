printf "!include%sinc.cnf\nnext=1\n" "$(printf "%4080s" "")" >> my.cnf
