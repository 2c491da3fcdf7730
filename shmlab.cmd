@echo off
rem shmlab for Windows: runs the command-line jar, cli\target\shmlab.jar, and first builds it through
rem the Maven Wrapper (mvnw.cmd: a JDK is all it needs, no Maven) when the jar is missing or when the
rem first argument is --rebuild. Unlike the bash launcher it does not compare the sources' dates:
rem after changing or pulling the sources, run "shmlab --rebuild" once, alone or before a command.
rem
rem JAVA_HOME, if set, picks the JDK (as it does for mvnw.cmd); otherwise java on PATH.
rem JAVA_OPTS, if set, goes to the JVM (such as -Dshmlab.native.semaphoreSpins=0).
setlocal
set "SHMLAB_ROOT=%~dp0"
set "SHMLAB_JAR=%SHMLAB_ROOT%cli\target\shmlab.jar"

if not defined JAVA_HOME goto :java_on_path
set "SHMLAB_JAVA=%JAVA_HOME%\bin\java.exe"
if exist "%SHMLAB_JAVA%" goto :java_found
>&2 echo shmlab: JAVA_HOME is "%JAVA_HOME%", which has no bin\java.exe: set it to a JDK 17 or newer (any vendor)
exit /b 1
:java_on_path
rem the first java.exe on PATH, or nothing
for %%J in (java.exe) do set "SHMLAB_JAVA=%%~$PATH:J"
if defined SHMLAB_JAVA goto :java_found
>&2 echo shmlab: no Java found: install a JDK 17 or newer (any vendor), then set JAVA_HOME or put java on PATH
exit /b 1
:java_found

set "SHMLAB_BUILD="
if "%~1"=="--rebuild" set "SHMLAB_BUILD=1"
if not exist "%SHMLAB_JAR%" set "SHMLAB_BUILD=1"
if not defined SHMLAB_BUILD goto :run

>&2 echo shmlab: building the command-line jar (mvnw -pl cli -am package; the first time, the wrapper downloads Maven and the build its plugins and libraries)...
set "SHMLAB_LOG=%TEMP%\shmlab-build-%RANDOM%.log"
pushd "%SHMLAB_ROOT%"
call "%SHMLAB_ROOT%mvnw.cmd" -B -q -pl cli -am package -DskipTests >"%SHMLAB_LOG%" 2>&1
set "SHMLAB_STATUS=%ERRORLEVEL%"
popd
if "%SHMLAB_STATUS%"=="0" goto :built
>&2 type "%SHMLAB_LOG%"
del "%SHMLAB_LOG%" >nul 2>nul
>&2 echo shmlab: the build failed; see above
exit /b 1
:built
del "%SHMLAB_LOG%" >nul 2>nul

:run
if "%~1"=="--rebuild" goto :run_after_rebuild
"%SHMLAB_JAVA%" %JAVA_OPTS% -jar "%SHMLAB_JAR%" %*
exit /b %ERRORLEVEL%

:run_after_rebuild
if "%~2"=="" exit /b 0
rem every argument after --rebuild, as typed
set "SHMLAB_ARGS=%*"
set "SHMLAB_ARGS=%SHMLAB_ARGS:*--rebuild=%"
"%SHMLAB_JAVA%" %JAVA_OPTS% -jar "%SHMLAB_JAR%" %SHMLAB_ARGS%
exit /b %ERRORLEVEL%
