printf "k=%s\nnext=1\n" "$(printf "%4093s" "" | tr " " v)" >> my.cnf
