vistachk ; Checks of the VistA export, run by GT.M (VistaGtmTests): mumps -run <entry>^vistachk <argument>
 quit
 ;
syntax ; Every record of the ZWR file named in $ZCMDLINE must be one M SET argument: XECUTE "set "_record.
 ; Prints RECORDS <n>, ERRORS <n>, then ERROR <line>: <$ZSTATUS> | <record> for the first 20 failures.
 new file,line,n,errs,err,list,header
 set file=$zcmdline,n=0,errs=0
 open file:(readonly)
 use file read header,header
 for  use file read line quit:$zeof  do
 . set n=n+1,err=$$check(line)
 . if err'="" set errs=errs+1 set:errs'>20 list(n+2)=err_" | "_line
 close file
 use $principal
 if header'["ZWR" write "ERROR 2: line 2 has no ZWR label | ",header,!
 write "RECORDS ",n,!,"ERRORS ",errs,!
 set n="" for  set n=$order(list(n)) quit:n=""  write "ERROR ",n,": ",list(n),!
 quit
 ;
check(line) ; "" when the record is one valid SET argument of a global node, else the reason
 if $extract(line)'="^" quit "does not start with ^"
 if $$unquotedspace(line) quit "space outside a string literal (more than one argument)"
 new err
 do try("set "_line)
 quit err
 ;
try(code) ; xecutes code, leaves $ZSTATUS in err on failure
 new $etrap
 set err="",$etrap="set err=$zstatus,$ecode="""" quit"
 xecute code
 quit
 ;
unquotedspace(line) ; 1 when line has a space outside a string literal
 new i,q,c,r
 set q=0,r=0
 for i=1:1:$length(line) set c=$extract(line,i) set:c="""" q='q if 'q,c=" " set r=1 quit
 quit r
 ;
listing ; The legacy listing named in $ZCMDLINE: every line is a ";;" comment or an "S ^REF=value" command to XECUTE.
 new file,line,n,errs,err,list
 set file=$zcmdline,n=0,errs=0
 open file:(readonly)
 for  use file read line quit:$zeof  do
 . quit:$extract(line,1,2)=";;"
 . set n=n+1,err=""
 . if $extract(line,1,3)'="S ^" set err="not an S ^REF=value command"
 . else  if $$unquotedspace($extract(line,3,$length(line))) set err="more than one argument"
 . else  do try(line)
 . if err'="" set errs=errs+1 set:errs'>20 list(n)=err_" | "_line
 close file
 use $principal
 write "RECORDS ",n,!,"ERRORS ",errs,!
 set n="" for  set n=$order(list(n)) quit:n=""  write "ERROR ",n,": ",list(n),!
 quit
 ;
count ; PATIENT file: entries (numeric IENs, which collate before the "B"... indexes), the header, "B" entries.
 new ien,n,b,name
 set ien=0,n=0,b=0
 for  set ien=$order(^DPT(ien)) quit:'ien  set n=n+1
 set name="" for  set name=$order(^DPT("B",name)) quit:name=""  set ien="" for  set ien=$order(^DPT("B",name,ien)) quit:ien=""  set b=b+1
 write "PATIENTS ",n,!,"HEADER ",$get(^DPT(0)),!,"BENTRIES ",b,!
 quit
 ;
index ; Walks the ^DPT index named in $ZCMDLINE ("B", "SSN"...) in M collation order: <value><TAB><IEN> per entry.
 new index,key,ien
 set index=$zcmdline
 set key="" for  set key=$order(^DPT(index,key)) quit:key=""  do
 . set ien="" for  set ien=$order(^DPT(index,key,ien)) quit:ien=""  write key,$char(9),ien,!
 quit
