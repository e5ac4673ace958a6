# Sourced by the bench scripts: Amtsweg needs Java 21+; where the default java is older, use the
# Temurin 25 JDK if it is installed (as on the project's build machines), else set JAVA_HOME yourself.
java_major() { "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1; }
if [ -n "${JAVA_HOME:-}" ]; then
  export PATH="$JAVA_HOME/bin:$PATH"
elif ! command -v java >/dev/null || [ "$(java_major java)" -lt 21 ]; then
  if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
    export PATH="$JAVA_HOME/bin:$PATH"
  else
    echo "Java 21 or newer is needed: set JAVA_HOME" >&2
    exit 1
  fi
fi
