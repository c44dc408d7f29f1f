printf "k=%s\r\nnext=1\r\n" "$(printf "%4092s" "" | tr " " v)" >> my.cnf
