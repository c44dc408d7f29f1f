printf "[mysqld]%sx=1\nnext=1\n" "$(printf "%5000s" "")" >> my.cnf
