# -*- encoding:utf-8 -*-
import hashlib
import hmac
import base64

# from socket import *
import json, time, threading
from websocket import create_connection
import websocket
from urllib.parse import quote
import logging


class Client:
    def __init__(self, app_id_v, api_key_v):
        base_url = "ws://rtasr.xfyun.cn/v1/ws"
        ts = str(int(time.time()))
        tt = ("94a34f55" + ts).encode("utf-8")
        md5 = hashlib.md5()
        md5.update(tt)
        baseString = md5.hexdigest()
        baseString = bytes(baseString, encoding="utf-8")

        apiKey = api_key_v.encode("utf-8")
        signa = hmac.new(apiKey, baseString, hashlib.sha1).digest()
        signa = base64.b64encode(signa)
        signa = str(signa, "utf-8")
        self.end_tag = '{"end": true}'
        endpointer = (
            base_url + "?appid=" + app_id_v + "&ts=" + ts + "&signa=" + quote(signa)
        )
        self.words = []
        self.total_string = ""

        self.ws = create_connection(endpointer)
        # print(endpointer)
        self.trecv = threading.Thread(target=self.recv)
        self.trecv.start()

