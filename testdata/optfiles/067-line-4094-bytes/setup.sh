printf "k=%s\nnext=1\n" "$(printf "%4092s" "" | tr " " v)" >> my.cnf
