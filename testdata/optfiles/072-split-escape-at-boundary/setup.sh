printf "k=%s\\\\n\nnext=1\n" "$(printf "%4091s" "" | tr " " v)" >> my.cnf
