i=1
while [ $i -le 11 ]; do
  printf "[mysqld]\nlevel=%d\n!include f%d.cnf\nback=%d\n" $i $((i+1)) $i > f$i.cnf
  i=$((i+1))
done
