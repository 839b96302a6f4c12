// Artillery processor of env-dump.yml: what a load script could read of its environment.
const fs = require('fs');
module.exports = {
  dump(context, events, done) {
    fs.writeFileSync(process.env.DUMP_FILE, JSON.stringify({ names: Object.keys(process.env).sort(), values: Object.values(process.env) }));
    done();
  },
};
