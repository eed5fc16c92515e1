// Run once by the mongo-init container (mongosh --host mongo1): makes rs0 out of the three
// nodes, then waits until one of them is primary. Running it again changes nothing.
const members = [
  { _id: 0, host: "mongo1:27017" },
  { _id: 1, host: "mongo2:27017" },
  { _id: 2, host: "mongo3:27017" },
];

function replicaSetExists() {
  try {
    return rs.status().ok === 1;
  } catch (e) {
    if (e.codeName === "NotYetInitialized") {
      return false;
    }
    throw e;
  }
}

if (replicaSetExists()) {
  print("replica set rs0 already initiated");
} else {
  rs.initiate({ _id: "rs0", members });
  print("replica set rs0 initiated with " + members.map((m) => m.host).join(", "));
}

function currentPrimary() {
  try {
    return rs.status().members.find((m) => m.stateStr === "PRIMARY");
  } catch (e) {
    return undefined; // the set may answer errors for a moment while it forms
  }
}

const deadline = Date.now() + 120 * 1000;
let primary;
while (!(primary = currentPrimary())) {
  if (Date.now() > deadline) {
    print("no primary elected within 120 s");
    quit(1);
  }
  sleep(1000);
}
print("rs0 primary: " + primary.name);
