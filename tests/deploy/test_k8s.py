"""deploy/k8s/base: every manifest validates (strictly) against the Kubernetes JSON schemas that
the kubernetes-validate wheel ships, and the base holds what a deployment needs."""

import copy
from typing import Any

import kubernetes_validate
import pytest
import yaml

from llm.serving_agent import command_args
from tests.conftest import ROOT

BASE = ROOT / "deploy" / "k8s" / "base"
KUSTOMIZATION: dict[str, Any] = yaml.safe_load((BASE / "kustomization.yaml").read_text())
# The oldest Kubernetes release the manifests are written for.
KUBERNETES_VERSION = "1.30.0"


def manifests() -> list[tuple[str, dict[str, Any]]]:
    return [
        (f"{path.name}:{doc['kind']}/{doc['metadata']['name']}", doc)
        for path in sorted(BASE.glob("*.yaml"))
        if path.name != "kustomization.yaml"
        for doc in yaml.safe_load_all(path.read_text())
    ]


MANIFESTS = manifests()
BY_KIND_NAME = {(doc["kind"], doc["metadata"]["name"]): doc for _, doc in MANIFESTS}


def container(kind: str, name: str) -> dict[str, Any]:
    doc = BY_KIND_NAME[(kind, name)]
    [only] = doc["spec"]["template"]["spec"]["containers"]
    return only


@pytest.mark.parametrize(("where", "doc"), MANIFESTS, ids=[where for where, _ in MANIFESTS])
@pytest.mark.parametrize("version", [KUBERNETES_VERSION, "1.33.0"])
def test_every_manifest_validates_against_the_kubernetes_schema(
    where: str, doc: dict[str, Any], version: str
) -> None:
    kubernetes_validate.validate(doc, desired_version=version, strict=True)


@pytest.mark.parametrize(
    "break_it",
    [
        lambda d: d["spec"]["template"]["spec"]["containers"][0].update(readinesProbe={}),
        lambda d: d["spec"].update(replicas="two"),
        lambda d: d["spec"].pop("selector"),
    ],
    ids=["misspelt-field", "wrong-type", "missing-required"],
)
def test_a_broken_manifest_does_not_validate(break_it: Any) -> None:
    broken = copy.deepcopy(BY_KIND_NAME[("Deployment", "coalign-web")])
    break_it(broken)

    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, desired_version=KUBERNETES_VERSION, strict=True)


def test_the_kustomization_lists_every_manifest_file() -> None:
    files = {p.name for p in BASE.glob("*.yaml")} - {"kustomization.yaml"}

    assert sorted(KUSTOMIZATION["resources"]) == sorted(files)
    images = {image["name"] for image in KUSTOMIZATION["images"]}
    used = {
        c["image"]
        for _, doc in MANIFESTS
        if doc["kind"] in {"Deployment", "Job"}
        for c in doc["spec"]["template"]["spec"]["containers"]
    }
    assert used == images == {"coalign-web", "coalign-gpu"}


def test_every_deployment_and_job_runs_as_non_root() -> None:
    for where, doc in MANIFESTS:
        if doc["kind"] in {"Deployment", "Job"}:
            context = doc["spec"]["template"]["spec"]["securityContext"]
            assert context["runAsNonRoot"] is True, where
            assert context["runAsUser"] != 0, where


def test_web_is_probed_on_health_scaled_by_an_hpa_and_protected_by_a_pdb() -> None:
    web = container("Deployment", "coalign-web")

    assert web["readinessProbe"]["httpGet"]["path"] == "/api/health/"
    assert "livenessProbe" in web
    # Django refuses hosts outside ALLOWED_HOSTS: the probe's Host header must be one of them.
    [host] = web["readinessProbe"]["httpGet"]["httpHeaders"]
    allowed = BY_KIND_NAME[("ConfigMap", "coalign-config")]["data"]["ALLOWED_HOSTS"].split(",")
    assert host["value"] in allowed
    hpa = BY_KIND_NAME[("HorizontalPodAutoscaler", "coalign-web")]
    assert hpa["spec"]["scaleTargetRef"]["name"] == "coalign-web"
    assert hpa["spec"]["minReplicas"] >= 2
    assert "replicas" not in BY_KIND_NAME[("Deployment", "coalign-web")]["spec"]
    assert ("PodDisruptionBudget", "coalign-web") in BY_KIND_NAME


def test_the_gpu_worker_requests_a_gpu_on_a_gpu_node() -> None:
    doc = BY_KIND_NAME[("Deployment", "coalign-worker-gpu")]
    worker = container("Deployment", "coalign-worker-gpu")

    assert doc["spec"]["template"]["spec"]["nodeSelector"] == {"nvidia.com/gpu.present": "true"}
    assert worker["resources"]["limits"]["nvidia.com/gpu"] == 1
    assert worker["command"][worker["command"].index("-Q") + 1] == "gpu"
    default = container("Deployment", "coalign-worker-default")
    assert default["command"][default["command"].index("-Q") + 1] == "default"


def test_beat_is_a_single_replica_that_never_overlaps_itself() -> None:
    beat = BY_KIND_NAME[("Deployment", "coalign-beat")]

    assert beat["spec"]["replicas"] == 1
    assert beat["spec"]["strategy"]["type"] == "Recreate"
    assert ("HorizontalPodAutoscaler", "coalign-beat") not in BY_KIND_NAME


def test_the_migrate_job_migrates_once() -> None:
    job = BY_KIND_NAME[("Job", "coalign-migrate")]

    assert job["spec"]["template"]["spec"]["restartPolicy"] == "Never"
    assert "manage.py migrate --noinput" in " ".join(container("Job", "coalign-migrate")["command"])


def test_database_and_redis_come_from_the_secret_not_the_config_map() -> None:
    config = BY_KIND_NAME[("ConfigMap", "coalign-config")]["data"]

    assert not {"DATABASE_URL", "REDIS_URL", "SECRET_KEY"} & set(config)
    for where, doc in MANIFESTS:
        if doc["kind"] in {"Deployment", "Job"} and "coalign" in doc["metadata"]["name"]:
            sources = doc["spec"]["template"]["spec"]["containers"][0]["envFrom"]
            assert {"secretRef": {"name": "coalign-secrets"}} in sources, where


def test_the_serving_agent_runs_on_a_gpu_node_and_advertises_its_pod_ip() -> None:
    doc = BY_KIND_NAME[("Deployment", "coalign-serving")]
    agent = container("Deployment", "coalign-serving")
    env = {
        e["name"]: e.get("valueFrom", {}).get("fieldRef", {}).get("fieldPath") for e in agent["env"]
    }
    config = BY_KIND_NAME[("ConfigMap", "coalign-config")]["data"]
    args = command_args(
        config["SERVING_COMMAND"], path="/m", served_name="judge-v2", host="h", port=1
    )

    assert agent["command"] == ["python", "manage.py", "serving_agent"]
    assert doc["spec"]["template"]["spec"]["nodeSelector"] == {"nvidia.com/gpu.present": "true"}
    assert agent["resources"]["limits"]["nvidia.com/gpu"] == 1
    # Workers reach the servers at the pod's own address; the agent is named after its pod.
    assert env["SERVING_ADVERTISE_HOST"] == "status.podIP"
    assert env["SERVING_AGENT_NAME"] == "metadata.name"
    assert args[:3] == ["vllm", "serve", "/m"]
    assert config["SERVING_MANAGER"] == "agent"
    assert {"debater", "redteam-target"} <= set(config["LLM_OPENAI_LINES"].split(","))
    assert ("PodDisruptionBudget", "coalign-serving") in BY_KIND_NAME
