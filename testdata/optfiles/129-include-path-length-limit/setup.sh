p=""; i=0
while [ $i -lt 250 ]; do p="$p./"; i=$((i+1)); done
printf "!include .//%sa.cnf\n!include .///%sb.cnf\n" "$p" "$p" >> my.cnf
