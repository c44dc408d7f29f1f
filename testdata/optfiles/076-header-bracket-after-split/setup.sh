printf "[mysqld%s]\na=1\n" "$(printf "%4100s" "" | tr " " x)" >> my.cnf
